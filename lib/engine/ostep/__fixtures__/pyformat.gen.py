# Regenerate pyformat.json (CPython's own `%` formatting, repr, int() and float() as the oracle):
#   python3 lib/engine/ostep/__fixtures__/pyformat.gen.py > lib/engine/ostep/__fixtures__/pyformat.json
import json, random, struct, sys

rng = random.Random(2024)
floats = [0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 4.625, 3.625, 5.625, 4.375, 53.125, 1.005, 2.675, 0.045,
          1e-5, 1e-4, 9.999e-5, 1e15, 1e16, 9999999999999998.0, 1.5e16, 1e22, 1e100, 5e-324, 1.7976931348623157e308,
          123456.789, -0.001, 0.1, 0.2, 0.3, 1/3, 2/3, 100 * 17 / 32, 37 / 8, 29 / 8, float(2**53), 2**53 + 2.0, 1e21, 123e-20]
floats += [rng.uniform(-1000, 1000) for _ in range(150)]
floats += [rng.randint(0, 10**6) / 8 for _ in range(100)]       # many exact ties at 2 decimals
floats += [rng.randint(0, 10**5) / 1000 for _ in range(100)]    # near-ties that are not exact
floats += [struct.unpack('<d', struct.pack('<Q', rng.getrandbits(63)))[0] for _ in range(15)]

def tag(x):
    return {"f": repr(x)}

cases = []
for x in floats:
    for fmt in ["%.2f", "%3.2f", "%6.2f", "%.0f", "%.1f", "%.3f", "%f", "%s", "%r", "%d", "%3d", "%-8.2f", "%08.2f", "%+.2f"]:
        if fmt in ("%d", "%3d") and abs(x) > 1e300:
            continue
        if fmt in ("%f",) and abs(x) > 1e30:
            continue
        cases.append({"fmt": fmt, "args": [tag(x)], "out": fmt % (x,)})
for n in [0, 1, -1, 7, 42, -42, 123, 1000, 2**53, 10**20]:
    for fmt in ["%d", "%3d", "%2d", "%-4d|", "%05d", "%s", "%x", "%X", "%+d", "% d"]:
        cases.append({"fmt": fmt, "args": [{"i": str(n)}], "out": fmt % (n,)})
for s in ["", "a", "RR", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline", "back\\slash", "\x01", "héllo"]:
    for fmt in ["%s", "%r", "%5s|", "%-5s|", "[%s]"]:
        cases.append({"fmt": fmt, "args": [{"s": s}], "out": fmt % (s,)})
for b in [True, False]:
    cases.append({"fmt": "%s", "args": [{"b": b}], "out": "%s" % (b,)})
cases.append({"fmt": "  Job %3d -- Response: %3.2f  Turnaround %3.2f  Wait %3.2f", "args": [{"i": "2"}, tag(3.625), tag(4.625), tag(53.125)],
              "out": "  Job %3d -- Response: %3.2f  Turnaround %3.2f  Wait %3.2f" % (2, 3.625, 4.625, 53.125)})
cases.append({"fmt": "100%% %d%%", "args": [{"i": "5"}], "out": "100%% %d%%" % (5,)})

ints = []
for s in ["0", "7", "-7", "+7", " 42 ", "1_000", "1__0", "_1", "1_", "0x1f", "0X1F", "-0x10", "0b101", "0B", "0b", "010", "08", "0o17", "0_7",
          "00", "5.0", "", " ", "abc", "12345678901234567890", "0x", "1e3", "0x_1f", "-", "+", "--5"]:
    # optparse's _parse_num, copied in spirit: choose the radix from the prefix, then call int().
    val = s
    if val[:2].lower() == "0x": radix = 16
    elif val[:2].lower() == "0b": radix = 2; val = val[2:] or "0"
    elif val[:1] == "0": radix = 8
    else: radix = 10
    try: r = str(int(val, radix))
    except ValueError: r = None
    ints.append({"text": s, "value": r})

pyfloats = []
for s in ["1", "2.5", " 3 ", "1e3", "1E-3", ".5", "5.", "-0", "+1.5", "inf", "-Infinity", "nan", "NaN", "1_0.5", "1__0", "abc", "", ".", "e5",
          "0x10", "1e", "1.5.2", "  -2.25e+1  ", "1_000e1_0", "infinit", "9" * 400]:
    try: r = repr(float(s))
    except ValueError: r = None
    pyfloats.append({"text": s, "repr": r})

json.dump({"format": cases, "ints": ints, "floats": pyfloats}, sys.stdout, indent=0)
