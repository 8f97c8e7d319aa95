// A bit-exact port of CPython 3.11's `random` module (the Mersenne Twister core plus the
// few Random methods our simulators and the OSTEP homework scripts rely on). Seeded OSTEP
// workloads are only reproducible if every 32-bit draw matches CPython's, so the seeding,
// the 53-bit `random()` and `_randbelow` all follow CPython's C and Python code paths exactly.

export interface PythonRandom {
  /** Float in [0, 1) built from two 32-bit outputs, like `random.random()`. */
  random(): number;
  /** Integer in [a, b] inclusive, like `random.randint(a, b)`. Throws on an empty range. */
  randint(a: number, b: number): number;
  /** `random.randrange(stop)` or `random.randrange(start, stop[, step])`. Throws on an empty range. */
  randrange(start: number, stop?: number, step?: number): number;
  /** One element, like `random.choice(seq)`. Throws on an empty sequence. */
  choice<T>(xs: readonly T[]): T;
  /** A copy of `xs` shuffled in place exactly like `random.shuffle` would. */
  shuffled<T>(xs: readonly T[]): T[];
  /** `random.getrandbits(k)` for 0 <= k <= 53 (the range a JS number holds exactly). */
  getrandbits(k: number): number;
  /** The next raw MT19937 output (`genrand_uint32`). */
  uint32(): number;
}

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;
const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

/** The 32-bit words of |seed|, least significant first; CPython's `random_seed` for an int. */
function seedKey(seed: number | bigint): number[] {
  let rest: bigint;
  if (typeof seed === "bigint") {
    rest = seed < 0n ? -seed : seed;
  } else {
    if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
    rest = BigInt(Math.abs(seed));
  }
  const key: number[] = [];
  do {
    key.push(Number(rest & 0xffffffffn));
    rest >>= 32n;
  } while (rest > 0n);
  return key;
}

function initGenrand(mt: Uint32Array, s: number): void {
  mt[0] = s >>> 0;
  for (let i = 1; i < N; i++) {
    const prev = mt[i - 1]!;
    // Math.imul keeps the low 32 bits exact; a plain `*` would round above 2^53.
    mt[i] = (Math.imul(1812433253, prev ^ (prev >>> 30)) + i) >>> 0;
  }
}

function initByArray(mt: Uint32Array, key: readonly number[]): void {
  initGenrand(mt, 19650218);
  let i = 1;
  let j = 0;
  for (let k = Math.max(N, key.length); k > 0; k--) {
    const prev = mt[i - 1]!;
    mt[i] = ((mt[i]! ^ Math.imul(prev ^ (prev >>> 30), 1664525)) + key[j]! + j) >>> 0;
    i++;
    j++;
    if (i >= N) {
      mt[0] = mt[N - 1]!;
      i = 1;
    }
    if (j >= key.length) j = 0;
  }
  for (let k = N - 1; k > 0; k--) {
    const prev = mt[i - 1]!;
    mt[i] = ((mt[i]! ^ Math.imul(prev ^ (prev >>> 30), 1566083941)) - i) >>> 0;
    i++;
    if (i >= N) {
      mt[0] = mt[N - 1]!;
      i = 1;
    }
  }
  mt[0] = 0x80000000; // MSB is 1, assuring a non-zero initial array
}

function regenerate(mt: Uint32Array): void {
  let kk = 0;
  for (; kk < N - M; kk++) {
    const y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
    mt[kk] = (mt[kk + M]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0)) >>> 0;
  }
  for (; kk < N - 1; kk++) {
    const y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
    mt[kk] = (mt[kk + (M - N)]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0)) >>> 0;
  }
  const y = (mt[N - 1]! & UPPER_MASK) | (mt[0]! & LOWER_MASK);
  mt[N - 1] = (mt[M - 1]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0)) >>> 0;
}

function bitLength(n: number): number {
  let bits = 0;
  while (n >= 1) {
    n = Math.floor(n / 2);
    bits++;
  }
  return bits;
}

function assertInteger(name: string, x: number): void {
  if (!Number.isSafeInteger(x)) throw new RangeError(`${name} must be a safe integer, got ${x}`);
}

/** Equivalent to `r = random.Random(); r.seed(seed)` in CPython 3.11 for an int seed (version 1 or 2 alike). */
export function createPythonRandom(seed: number | bigint): PythonRandom {
  const mt = new Uint32Array(N);
  initByArray(mt, seedKey(seed));
  let index = N;

  function uint32(): number {
    if (index >= N) {
      regenerate(mt);
      index = 0;
    }
    let y = mt[index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  function random(): number {
    const a = uint32() >>> 5;
    const b = uint32() >>> 6;
    return (a * TWO_POW_26 + b) / TWO_POW_53;
  }

  function getrandbits(k: number): number {
    if (!Number.isInteger(k) || k < 0 || k > 53) throw new RangeError(`getrandbits supports 0..53 bits, got ${k}`);
    if (k === 0) return 0;
    if (k <= 32) return uint32() >>> (32 - k);
    // CPython fills 32-bit words least significant first; the last word keeps only its top bits.
    const low = uint32();
    const high = uint32() >>> (64 - k);
    return high * 4294967296 + low;
  }

  // CPython's _randbelow_with_getrandbits: rejection sampling on bit_length(n) bits.
  function randbelow(n: number): number {
    const k = bitLength(n);
    let r = getrandbits(k);
    while (r >= n) r = getrandbits(k);
    return r;
  }

  function randrange(start: number, stop?: number, step = 1): number {
    assertInteger("start", start);
    if (stop === undefined) {
      if (start > 0) return randbelow(start);
      throw new RangeError("empty range for randrange()");
    }
    assertInteger("stop", stop);
    assertInteger("step", step);
    const width = stop - start;
    if (step === 1) {
      if (width > 0) return start + randbelow(width);
      throw new RangeError(`empty range for randrange() (${start}, ${stop}, ${width})`);
    }
    let n: number;
    if (step > 0) n = Math.floor((width + step - 1) / step);
    else if (step < 0) n = Math.floor((width + step + 1) / step);
    else throw new RangeError("zero step for randrange()");
    if (n <= 0) throw new RangeError("empty range for randrange()");
    return start + step * randbelow(n);
  }

  return {
    random,
    uint32,
    getrandbits,
    randrange,
    randint: (a, b) => randrange(a, b + 1),
    choice<T>(xs: readonly T[]): T {
      if (xs.length === 0) throw new RangeError("Cannot choose from an empty sequence");
      return xs[randbelow(xs.length)]!;
    },
    shuffled<T>(xs: readonly T[]): T[] {
      const out = xs.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = randbelow(i + 1);
        const tmp = out[i]!;
        out[i] = out[j]!;
        out[j] = tmp;
      }
      return out;
    },
  };
}
