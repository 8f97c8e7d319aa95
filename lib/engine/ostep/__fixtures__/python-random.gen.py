# Regenerate python-random.json (reference vectors from the real CPython `random`):
#   python3 lib/engine/ostep/__fixtures__/python-random.gen.py > lib/engine/ostep/__fixtures__/python-random.json
import json, random, sys

seeds = [0, 1, 2, 5, 42, 1000, -1, -7, 2**31, 2**32 - 1, 2**32 + 3, 2**53 + 1, 2**64 + 5, 12345678901234567890, -98765432109876543210]
cases = []
for s in seeds:
    r = random.Random(); r.seed(s)
    u = [r.getrandbits(32) for _ in range(8)]
    r.seed(s); f = [repr(r.random()) for _ in range(400)]
    r.seed(s); ri = [r.randint(1, 6) for _ in range(50)] + [r.randint(-3, 1000) for _ in range(50)] + [r.randint(0, 2**40) for _ in range(10)]
    r.seed(s); rr = [r.randrange(10) for _ in range(20)] + [r.randrange(5, 100, 7) for _ in range(20)] + [r.randrange(50, 0, -3) for _ in range(20)]
    r.seed(s); ch = [r.choice("abcdefg") for _ in range(30)]
    r.seed(s); xs = list(range(20)); r.shuffle(xs)
    r.seed(s); gb = [r.getrandbits(k) for k in [0, 1, 5, 31, 32, 33, 40, 52, 53]]
    cases.append({"seed": str(s), "uint32": u, "random": f, "randint": ri, "randrange": rr, "choice": "".join(ch), "shuffle": xs, "getrandbits": gb})
json.dump(cases, sys.stdout)
