// A binary min-heap of events with a total order: earlier time first, then earlier insertion.
// Each entry is (time, payload) in flat typed arrays; pushing and popping allocate nothing once
// the arrays have grown to the peak size. Times are integer nanoseconds (safe integers).

export class EventHeap {
  private times: Float64Array;
  private seqs: Float64Array;
  private payloads: Int32Array;
  private n = 0;
  private nextSeq = 0;

  constructor(initialCapacity = 1024) {
    const cap = Math.max(16, initialCapacity | 0);
    this.times = new Float64Array(cap);
    this.seqs = new Float64Array(cap);
    this.payloads = new Int32Array(cap);
  }

  get size(): number {
    return this.n;
  }

  /** Adds an event; ties in time are served in the order they were pushed. */
  push(time: number, payload: number): void {
    if (this.n === this.times.length) this.grow();
    const seq = this.nextSeq++;
    let i = this.n++;
    const times = this.times;
    const seqs = this.seqs;
    const payloads = this.payloads;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent];
      if (pt < time || (pt === time && seqs[parent] < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[parent];
      payloads[i] = payloads[parent];
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    payloads[i] = payload;
  }

  /** Time of the earliest event (Infinity when empty). */
  peekTime(): number {
    return this.n === 0 ? Infinity : this.times[0];
  }

  /** Payload of the earliest event; call before pop(). */
  peekPayload(): number {
    return this.payloads[0];
  }

  /** Removes the earliest event and returns its payload (-1 when empty). */
  pop(): number {
    if (this.n === 0) return -1;
    const top = this.payloads[0];
    const last = --this.n;
    if (last > 0) {
      const times = this.times;
      const seqs = this.seqs;
      const payloads = this.payloads;
      const t = times[last];
      const s = seqs[last];
      const p = payloads[last];
      let i = 0;
      const half = last >> 1;
      while (i < half) {
        let c = 2 * i + 1;
        const r = c + 1;
        if (r < last && (times[r] < times[c] || (times[r] === times[c] && seqs[r] < seqs[c]))) c = r;
        if (t < times[c] || (t === times[c] && s < seqs[c])) break;
        times[i] = times[c];
        seqs[i] = seqs[c];
        payloads[i] = payloads[c];
        i = c;
      }
      times[i] = t;
      seqs[i] = s;
      payloads[i] = p;
    }
    return top;
  }

  clear(): void {
    this.n = 0;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const t = new Float64Array(cap);
    t.set(this.times);
    const s = new Float64Array(cap);
    s.set(this.seqs);
    const p = new Int32Array(cap);
    p.set(this.payloads);
    this.times = t;
    this.seqs = s;
    this.payloads = p;
  }
}
