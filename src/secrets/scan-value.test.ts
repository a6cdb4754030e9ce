import { describe, expect, it } from 'vitest';
import { FAKE } from './__fixtures__/fake-tokens.ts';
import { DEFAULT_NAMED_OPTIONS } from './scan-named.ts';
import { scanValue } from './scan-value.ts';

const plain = { ...DEFAULT_NAMED_OPTIONS, embedded: false };
const files = { ...DEFAULT_NAMED_OPTIONS, embedded: true };
const detectors = (value: string, name?: string, options = plain): string[] =>
  scanValue(value, name, options).map((m) => m.detector);

describe('scanValue', () => {
  it('judges literals by their name', () => {
    expect(detectors('hunter22', 'DB_PASSWORD')).toEqual(['password-literal']);
    expect(detectors(FAKE.randomSecret, 'API_TOKEN')).toEqual(['high-entropy-secret']);
    expect(detectors(FAKE.randomSecret, 'BUILD_ID')).toEqual([]);
    expect(detectors('my-app-session-secret', 'SESSION_SECRET')).toEqual([]);
    expect(detectors('short1', 'API_TOKEN')).toEqual([]);
  });

  it('grades password literals by how generated they look', () => {
    expect(scanValue('root', 'MYSQL_ROOT_PASSWORD', plain)[0]?.severity).toBe('medium');
    expect(scanValue(FAKE.strongPassword, 'MYSQL_ROOT_PASSWORD', plain)[0]?.severity).toBe('high');
  });

  it('does not report settings, references and placeholders under secret names', () => {
    for (const value of [
      'true',
      'yes',
      '/run/secrets/db-password',
      '$(DB_PASSWORD)',
      '${DB_PASSWORD}',
      'vault:secret/data/app#password',
      'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db',
      'https://vault.example.com/v1/secret',
      'sha256:0ffa3c3763c7c0334d3f0f2475087704bde823c3e8d9c3b517e9c151c69b9d2e',
      '<password>',
      'changeme',
      'abc',
    ]) {
      expect(detectors(value, 'DB_PASSWORD'), value).toEqual([]);
      expect(detectors(value, 'API_TOKEN'), value).toEqual([]);
    }
  });

  it('reports one finding per secret even when several detectors see it', () => {
    expect(detectors(FAKE.awsSecretAccessKey, 'AWS_SECRET_ACCESS_KEY')).toEqual([
      'aws-secret-access-key',
    ]);
  });

  it('reads embedded config files line by line', () => {
    const properties = [
      'spring.datasource.url=jdbc:postgresql://db:5432/app',
      'spring.datasource.username=app',
      'spring.datasource.password=Zq8rT2vLm9',
      `github.token=${FAKE.githubPat}`,
      'server.port=8080',
    ].join('\n');
    const matches = scanValue(properties, 'application.properties', files);
    expect(matches.map((m) => [m.detector, m.line, m.key])).toEqual([
      ['github-pat', 4, undefined],
      ['password-literal', 3, 'spring.datasource.password'],
    ]);
    expect(JSON.stringify(matches)).not.toContain('Zq8rT2vLm9');
    expect(JSON.stringify(matches)).not.toContain(FAKE.githubPat.slice(4));
  });

  it('reads single-line JSON values', () => {
    const json = JSON.stringify({ db: { password: 'Zq8rT2vLm9' }, port: 5432 });
    expect(detectors(json, 'config.json', files)).toEqual(['password-literal']);
  });

  it('skips values over 1 MiB', () => {
    expect(detectors(`${FAKE.githubPat} ${'a'.repeat(1024 * 1024)}`)).toEqual([]);
  });
});
