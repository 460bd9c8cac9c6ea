/**
 * Turns per API-key channel: the gate signs a key's vouchers itself, so its requests (charges and the revoking
 * refund) take turns on the channel rather than fail as busy.
 */

/** One turn at a time per key: each `take` resolves when the turns taken before it are done. */
export class Turns {
  private readonly tails = new Map<string, Promise<void>>();

  async take(id: string): Promise<() => void> {
    const before = this.tails.get(id) ?? Promise.resolve();
    let done: () => void = () => {};
    const mine = new Promise<void>((resolve) => {
      done = resolve;
    });
    const tail = before.then(() => mine);
    this.tails.set(id, tail);
    void tail.then(() => {
      if (this.tails.get(id) === tail) this.tails.delete(id);
    });
    await before;
    return done;
  }
}
