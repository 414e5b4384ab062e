// A caller-owned, growable columnar buffer of the fills of one book operation: maker id, maker
// owner, price and quantity per fill (the taker is the operation's order). The book clears it at
// the start of each operation and appends to it; reading it allocates nothing.

export class Fills {
  makerId: Float64Array;
  makerOwner: Float64Array;
  price: Float64Array;
  qty: Float64Array;
  count = 0;

  constructor(capacity = 64) {
    const cap = Math.max(4, capacity | 0);
    this.makerId = new Float64Array(cap);
    this.makerOwner = new Float64Array(cap);
    this.price = new Float64Array(cap);
    this.qty = new Float64Array(cap);
  }

  clear(): void {
    this.count = 0;
  }

  push(makerId: number, makerOwner: number, price: number, qty: number): void {
    let i = this.count;
    if (i === this.makerId.length) this.grow();
    this.makerId[i] = makerId;
    this.makerOwner[i] = makerOwner;
    this.price[i] = price;
    this.qty[i] = qty;
    this.count = ++i;
  }

  private grow(): void {
    const cap = this.makerId.length * 2;
    const g = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    this.makerId = g(this.makerId);
    this.makerOwner = g(this.makerOwner);
    this.price = g(this.price);
    this.qty = g(this.qty);
  }
}
