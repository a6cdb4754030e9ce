import { describe, expect, test } from 'vitest';
import { Budget } from './budget.ts';
import { compileCel, evaluateCel } from './program.ts';

const ACTIVATION = {
  object: { spec: { containers: [{ name: 'a', image: 'nginx:1.0' }] } },
  oldObject: null,
  request: {},
  params: null,
  namespaceObject: null,
  variables: {},
};

function evaluate(expression: string): unknown {
  const outcome = evaluateCel(compileCel(expression), ACTIVATION, new Budget());
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.value;
}

function error(expression: string): string {
  const outcome = evaluateCel(compileCel(expression), ACTIVATION, new Budget());
  if (outcome.ok) throw new Error(`expected an error, got ${String(outcome.value)}`);
  return outcome.error;
}

// One row per function of the Kubernetes CEL libraries: expression → value.
const CASES: Record<string, [string, unknown][]> = {
  strings: [
    ['"héllo".charAt(1)', 'é'],
    ['"abc".charAt(3)', ''],
    ['"héllo".indexOf("l")', 2n],
    ['"hello".indexOf("l", 3)', 3n],
    ['"hello".indexOf("")', 0n],
    ['"hello".lastIndexOf("l")', 3n],
    ['"hello".lastIndexOf("l", 2)', 2n],
    ['"ÄBC".lowerAscii()', 'Äbc'],
    ['"äbc".upperAscii()', 'äBC'],
    ['"a-b-c".replace("-", "+")', 'a+b+c'],
    ['"a-b-c".replace("-", "+", 1)', 'a+b-c'],
    ['"a,b,,c".split(",")', ['a', 'b', '', 'c']],
    ['"a,b,c".split(",", 2)', ['a', 'b,c']],
    ['"héllo".substring(1)', 'éllo'],
    ['"hello".substring(1, 3)', 'el'],
    ['"  x ".trim()', 'x'],
    ['["a", "b"].join()', 'ab'],
    ['["a", "b"].join(", ")', 'a, b'],
    ['strings.quote("a\\"b\\n")', '"a\\"b\\n"'],
    [
      '"%s has %d items costing %.2f".format([dyn("cart"), dyn(3), dyn(9.5)])',
      'cart has 3 items costing 9.50',
    ],
    ['"%x %o %b %%".format([255, 8, 5])', 'ff 10 101 %'],
  ],
  lists: [
    ['[1, 2, 3].isSorted()', true],
    ['["b", "a"].isSorted()', false],
    ['[1, 2, 3].sum()', 6n],
    ['[1.5, 2.5].sum()', 4],
    ['[3, 1, 2].min()', 1n],
    ['["b", "c", "a"].max()', 'c'],
    ['[1, 2, 1].indexOf(1)', 0n],
    ['[1, 2, 1].lastIndexOf(1)', 2n],
    ['[1, 2].indexOf(3)', -1n],
    ['[1, 2, 3, 4].slice(1, 3)', [2n, 3n]],
    ['[[1], [2, 3]].flatten()', [1n, 2n, 3n]],
    ['[1, 2, 1].distinct()', [1n, 2n]],
    ['[1, 2, 3].reverse()', [3n, 2n, 1n]],
    ['[3, 1, 2].sort()', [1n, 2n, 3n]],
  ],
  sets: [
    ['sets.contains([1, 2, 3], [2, 3])', true],
    ['sets.equivalent([1, 2], [2, 1, 1])', true],
    ['sets.intersects([1], [2])', false],
  ],
  regex: [
    ['"abc".matches("^a.c$")', true],
    ['matches("abc", "b")', true],
    ['"ABC".matches("(?i)^abc$")', true],
    ['"a b".matches("a\\\\sb")', true],
    ['"x1 y22".find("[0-9]+")', '1'],
    ['"x".find("[0-9]+")', ''],
    ['"x1 y22 z333".findAll("[0-9]+")', ['1', '22', '333']],
    ['"x1 y22 z333".findAll("[0-9]+", 2)', ['1', '22']],
    ['"a.b".matches("\\\\Qa.b\\\\E")', true],
    ['"Ab".matches("^[[:upper:]][[:lower:]]$")', true],
  ],
  url: [
    ['isURL("https://example.com/a")', true],
    ['isURL("not a url")', false],
    ['url("https://user@example.com:8443/a%20b?x=1&x=2&y").getScheme()', 'https'],
    ['url("https://example.com:8443/a").getHost()', 'example.com:8443'],
    ['url("https://[::1]:80/").getHostname()', '::1'],
    ['url("https://example.com:8443/").getPort()', '8443'],
    ['url("https://example.com/a%20b").getEscapedPath()', '/a%20b'],
    ['url("/path?x=1&x=2&y").getQuery()', { x: ['1', '2'], y: [''] }],
  ],
  quantity: [
    ['isQuantity("1.5Gi")', true],
    ['isQuantity("1.5GB")', false],
    ['quantity("1Ki").asInteger()', 1024n],
    ['quantity("500m").isInteger()', false],
    ['quantity("500m").asApproximateFloat()', 0.5],
    ['quantity("-1").sign()', -1n],
    ['quantity("1").compareTo(quantity("1000m"))', 0n],
    ['quantity("2").isGreaterThan(quantity("1500m"))', true],
    ['quantity("1M").isLessThan(quantity("1Mi"))', true],
    ['quantity("1").add(quantity("500m")) == quantity("1500m")', true],
    ['quantity("1").add(2).asInteger()', 3n],
    ['quantity("1").sub(quantity("250m")).asApproximateFloat()', 0.75],
    ['quantity("1e3").sub(1).asInteger()', 999n],
  ],
  ip: [
    ['isIP("10.0.0.1")', true],
    ['isIP("010.0.0.1")', false],
    ['isIP("::ffff:1.2.3.4")', false],
    ['ip("10.0.0.1").family()', 4n],
    ['ip("2001:db8::1").family()', 6n],
    ['string(ip("2001:0db8:0:0::1"))', '2001:db8::1'],
    ['ip.isCanonical("2001:db8::1")', true],
    ['ip.isCanonical("2001:DB8::1")', false],
    ['ip("127.0.0.1").isLoopback()', true],
    ['ip("0.0.0.0").isUnspecified()', true],
    ['ip("169.254.1.1").isLinkLocalUnicast()', true],
    ['ip("224.0.0.1").isLinkLocalMulticast()', true],
    ['ip("10.0.0.1").isGlobalUnicast()', true],
    ['ip("10.0.0.1") == ip("10.0.0.1")', true],
  ],
  cidr: [
    ['isCIDR("10.0.0.0/8")', true],
    ['isCIDR("10.0.0.0/33")', false],
    ['cidr("10.0.0.0/8").containsIP("10.1.2.3")', true],
    ['cidr("10.0.0.0/8").containsIP(ip("11.0.0.1"))', false],
    ['cidr("10.0.0.0/8").containsCIDR("10.1.0.0/16")', true],
    ['cidr("10.1.0.0/16").containsCIDR(cidr("10.0.0.0/8"))', false],
    ['cidr("10.1.2.3/8").prefixLength()', 8n],
    ['string(cidr("10.1.2.3/8").masked())', '10.0.0.0/8'],
    ['string(cidr("10.1.2.3/8").ip())', '10.1.2.3'],
  ],
  format: [
    ['format.dns1123Label().validate("ok-name").hasValue()', false],
    ['format.dns1123Label().validate("Not_OK").hasValue()', true],
    ['format.dns1123Subdomain().validate("a.b.c").hasValue()', false],
    ['format.dns1035Label().validate("1abc").hasValue()', true],
    ['format.qualifiedName().validate("example.com/Name").hasValue()', false],
    ['format.labelValue().validate("").hasValue()', false],
    ['format.dns1123LabelPrefix().validate("web-").hasValue()', false],
    ['format.uuid().validate("123e4567-e89b-12d3-a456-426614174000").hasValue()', false],
    ['format.date().validate("2024-02-30").hasValue()', true],
    ['format.named("dns1123Label").hasValue()', true],
    ['format.named("nope").hasValue()', false],
  ],
  semver: [
    ['isSemver("1.2.3")', true],
    ['isSemver("v1.2", true)', true],
    ['semver("1.2.3").major()', 1n],
    ['semver("1.2.3").isLessThan(semver("1.10.0"))', true],
    ['semver("1.2.3").compareTo(semver("1.2.3"))', 0n],
  ],
  optionals: [
    ['object.?spec.?missing.orValue("none")', 'none'],
    ['optional.of(1).hasValue()', true],
    ['optional.none().orValue(2)', 2n],
    ['optional.ofNonZeroValue(0).hasValue()', false],
    ['optional.ofNonZeroValue("x").value()', 'x'],
    ['object.spec.containers.exists_one(c, c.name == "a")', true],
    ['has(object.spec.containers)', true],
    ['object.spec.containers.map(c, c.image).filter(i, i.startsWith("nginx")).size()', 1n],
  ],
};

describe.each(Object.keys(CASES))('%s library', (library) => {
  test.each(CASES[library] ?? [])('%s', (expression, expected) => {
    expect(evaluate(expression)).toEqual(expected);
  });
});

describe('errors as cel-go words them', () => {
  test.each([
    ['"abc".charAt(4)', 'index out of range: 4'],
    ['"abc".substring(2, 1)', 'invalid substring range. start: 2, end: 1'],
    ['[].min()', 'min called on empty list'],
    [
      'quantity("1.5GB")',
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    ],
    ['quantity("500m").asInteger()', 'cannot convert value to integer'],
    ['ip("::ffff:1.2.3.4")', 'IPv4-mapped IPv6 address "::ffff:1.2.3.4" is not allowed'],
    ['ip("fe80::1%eth0")', 'IP address "fe80::1%eth0" with zone value is not allowed'],
    [
      '"a".matches("(?=a)")',
      'error parsing regexp: invalid or unsupported Perl syntax: lookaround: `(?=a)`',
    ],
    [
      '"a".matches("(a)\\\\1")',
      'error parsing regexp: invalid or unsupported Perl syntax: backreference \\1: `(a)\\1`',
    ],
  ])('%s', (expression, message) => {
    expect(error(expression)).toBe(message);
  });
});

test('the authorizer is declared but checks need an authorizer function', () => {
  expect(error('authorizer.group("").resource("pods").check("get").allowed()')).toMatch(
    /Unknown variable|no authorizer/,
  );
});
