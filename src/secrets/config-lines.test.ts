import { describe, expect, it } from 'vitest';
import { embeddedPairs } from './config-lines.ts';

const pairs = (text: string): [string, string, number][] =>
  embeddedPairs(text).map((p) => [p.key, p.value, p.line]);

describe('embeddedPairs', () => {
  it('reads YAML, properties, .env, JSON and PHP assignments', () => {
    expect(pairs('db:\n  password: "s3cret" # note\nuser: app')).toEqual([
      ['password', 's3cret', 2],
      ['user', 'app', 3],
    ]);
    expect(pairs('export API_TOKEN=abc123\nkey = value ;')).toEqual([
      ['API_TOKEN', 'abc123', 1],
      ['key', 'value', 2],
    ]);
    expect(pairs('  "password": "s3cret",')).toEqual([['password', 's3cret', 1]]);
    expect(pairs("$cfg['Servers'][$i]['password'] = 'test';")).toEqual([['password', 'test', 1]]);
  });

  it('reads command-line flags', () => {
    expect(pairs('mysql --host=db --user=root --password=root app')).toEqual([
      ['host', 'db', 1],
      ['user', 'root', 1],
      ['password', 'root', 1],
    ]);
  });

  it('skips overlong lines', () => {
    expect(pairs(`password: ${'a'.repeat(5000)}`)).toEqual([]);
  });
});
