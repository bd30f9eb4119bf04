/**
 * An Rng's 32-bit words read a block at a time (Rng.fillUint32) instead of one call each, for hot draw
 * loops on a stream that is used again afterwards. Each refill is told how many words the caller is sure
 * to read from there on and takes no more, so once the caller has read what it promised the Rng stands
 * exactly where word-by-word calls (nextUint32, int) would have left it, and every value read is the one
 * those calls would have given.
 */
import { indexFromUint32, type Rng } from './rng.ts';

/** Longest block read at once. */
const MAX_BLOCK = 4096;

export class WordReader {
  /**
   * The words: words[at..end) are read from the Rng and not yet used. words[end] can always be read (its
   * value means nothing), so a loop may compute from the next word before it knows whether it uses it.
   * A hot loop may hold `at` in a local: read words[at++] while at < end, else refill(...) and at = 0.
   */
  readonly words = new Uint32Array(MAX_BLOCK + 1);
  end = 0;
  at = 0;
  private readonly rng: Rng;
  private readonly fullBlock = this.words.subarray(0, MAX_BLOCK);

  constructor(rng: Rng) {
    this.rng = rng;
  }

  /**
   * rng.int(n) from the words: an index in [0, n), `limit` = rejectionLimit(n); `atLeast` (>= 1) words,
   * this draw's included, are sure to be read from here on (a rejected word does not lower it).
   */
  index(n: number, limit: number, atLeast: number): number {
    for (;;) {
      if (this.at === this.end) this.refill(atLeast);
      const index = indexFromUint32(this.words[this.at++], n, limit);
      if (index >= 0) return index;
    }
  }

  /** Reads min(atLeast, 4096) new words (atLeast >= 1: the words sure to be read from here on); at = 0. */
  refill(atLeast: number): void {
    const length = Math.min(atLeast, MAX_BLOCK);
    this.rng.fillUint32(length === MAX_BLOCK ? this.fullBlock : this.words.subarray(0, length));
    this.end = length;
    this.at = 0;
  }

  /** True when every word taken from the Rng has been used: the Rng can be used directly again. */
  drained(): boolean {
    return this.at === this.end;
  }
}
