// The registry of agent classes: one descriptor per class of the scenario's `agents` section.
// Its order is the order classes are built in (within each build stage, descriptor.ts), and so
// the order of the kernel ids: keep it, or every tape hash changes; a new class goes at the end
// of its stage. (The schema lists the keys in class-id order, independent of this one.)
// Adding a class: its own file here and one entry below.
import { abidesMarketMakers } from './abides-market-makers.ts';
import { abidesMomentum } from './abides-momentum.ts';
import { abidesNoise } from './abides-noise.ts';
import { abidesValue } from './abides-value.ts';
import { fastMoney } from './fast-money.ts';
import { institutions } from './institutions.ts';
import { leveragedEtfs } from './leveraged-etfs.ts';
import { marketMakers } from './market-makers.ts';
import { passive } from './passive.ts';
import { retail } from './retail.ts';
import { zeroIntelligence } from './zero-intelligence.ts';

export const AGENT_CLASSES = [marketMakers, zeroIntelligence, institutions, fastMoney, retail, passive, leveragedEtfs, abidesNoise, abidesValue, abidesMarketMakers, abidesMomentum] as const;

export type { AgentClass, BuildStage, PopulationBuilder } from './descriptor.ts';
