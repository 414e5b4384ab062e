// The message pool: every message between agents is a slot in flat typed arrays (kind, sender,
// receiver and six numeric fields), reused through a free list, so sending allocates nothing.
// What the kinds and fields mean is up to the layers above (see src/market/protocol.ts).

export class MessagePool {
  kind: Uint16Array;
  from: Int32Array;
  to: Int32Array;
  a: Float64Array;
  b: Float64Array;
  c: Float64Array;
  d: Float64Array;
  e: Float64Array;
  f: Float64Array;
  private free: Int32Array;
  private nFree = 0;
  private top = 0;

  constructor(capacity = 1024) {
    const cap = Math.max(16, capacity | 0);
    this.kind = new Uint16Array(cap);
    this.from = new Int32Array(cap);
    this.to = new Int32Array(cap);
    this.a = new Float64Array(cap);
    this.b = new Float64Array(cap);
    this.c = new Float64Array(cap);
    this.d = new Float64Array(cap);
    this.e = new Float64Array(cap);
    this.f = new Float64Array(cap);
    this.free = new Int32Array(cap);
  }

  /** Messages currently in flight. */
  get live(): number {
    return this.top - this.nFree;
  }

  alloc(): number {
    if (this.nFree > 0) return this.free[--this.nFree];
    if (this.top === this.kind.length) this.grow();
    return this.top++;
  }

  release(slot: number): void {
    this.free[this.nFree++] = slot;
  }

  private grow(): void {
    const cap = this.kind.length * 2;
    const g = <T extends Float64Array | Int32Array | Uint16Array>(x: T): T => {
      const y = new (x.constructor as new (n: number) => T)(cap);
      y.set(x as never);
      return y;
    };
    this.kind = g(this.kind);
    this.from = g(this.from);
    this.to = g(this.to);
    this.a = g(this.a);
    this.b = g(this.b);
    this.c = g(this.c);
    this.d = g(this.d);
    this.e = g(this.e);
    this.f = g(this.f);
    this.free = g(this.free);
  }
}
