import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAKE } from '../__fixtures__/fake-tokens.ts';
import { FORMAT_DETECTORS, findFormats } from './find-formats.ts';

const ids = (text: string, name?: string): string[] => findFormats(text, name).map((m) => m.id);

describe('findFormats', () => {
  it.each([
    ['aws-access-key-id', FAKE.awsAccessKeyId],
    ['github-pat', FAKE.githubPat],
    ['github-fine-grained-pat', FAKE.githubFineGrainedPat],
    ['gitlab-pat', FAKE.gitlabPat],
    ['slack-access-token', FAKE.slackBotToken],
    ['slack-web-hook', FAKE.slackWebhook],
    ['stripe-secret-token', FAKE.stripeLiveKey],
    ['gcp-api-key', FAKE.googleApiKey],
    ['npm-access-token', FAKE.npmToken],
    ['sendgrid-api-token', FAKE.sendgridKey],
    ['twilio-api-key', FAKE.twilioKey],
    ['private-key', FAKE.privateKeyPem],
    ['jwt-token', FAKE.jwt],
    ['kubernetes-service-account-token', FAKE.serviceAccountToken],
  ])('detects %s', (id, token) => {
    expect(ids(`prefix ${token} suffix`)).toEqual([id]);
  });

  it('finds an AWS secret access key only with AWS context', () => {
    expect(ids(FAKE.awsSecretAccessKey, 'AWS_SECRET_ACCESS_KEY')).toEqual([
      'aws-secret-access-key',
    ]);
    const credentialsFile = `[default]\naws_access_key_id = ${FAKE.awsAccessKeyId}\naws_secret_access_key = ${FAKE.awsSecretAccessKey}\n`;
    expect(ids(credentialsFile)).toEqual(['aws-access-key-id', 'aws-secret-access-key']);
    expect(ids(FAKE.awsSecretAccessKey, 'SOME_VALUE')).toEqual([]);
    // A 40-character hex digest (git SHA) has no mixed case.
    expect(ids('a94a8fe5ccb19ba61c4c0873d391e987982fbbd3', 'AWS_COMMIT')).toEqual([]);
  });

  it('finds private keys in JSON key files with escaped newlines', () => {
    const json = JSON.stringify({ type: 'service_account', private_key: FAKE.privateKeyPem });
    expect(ids(json)).toEqual(['private-key', 'gcp-service-account']);
  });

  it('finds passwords in URLs and connection strings, not placeholders or references', () => {
    expect(ids('postgres://app:Zq8rT2vLm9@db:5432/app')).toEqual(['url-credentials']);
    expect(ids('Server=db;User Id=sa;Password=Zq8rT2vLm9;')).toEqual([
      'connection-string-password',
    ]);
    expect(ids('mysql --user=root --password=Zq8rT2vLm9')).toEqual(['connection-string-password']);
    expect(ids('postgres://app:$(DB_PASSWORD)@db/app')).toEqual([]);
    expect(ids('postgres://app:${DB_PASSWORD}@db/app')).toEqual([]);
    expect(ids('https://user:changeme@example.com')).toEqual([]);
    expect(ids('Password=<your-password>;')).toEqual([]);
    expect(ids('http://example.com:8080/path')).toEqual([]);
  });

  it('ignores look-alikes: UUIDs, digests, placeholders, dotted names, longer random strings', () => {
    expect(ids('123e4567-e89b-12d3-a456-426614174000')).toEqual([]);
    expect(
      ids('nginx@sha256:0ffa3c3763c7c0334d3f0f2475087704bde823c3e8d9c3b517e9c151c69b9d2e'),
    ).toEqual([]);
    expect(ids('sk' + '_live_xxxxxxxxxxxxxxxxxxxxxxxx')).toEqual([]);
    expect(ids('AKIA' + 'IOSFODNN7EXAMPLE')).toEqual([]);
    expect(ids('app.kubernetes.io/name')).toEqual([]);
    expect(ids('XAKIA' + 'Z7QF3XW2LMN5PRT8Y')).toEqual([]);
    expect(ids('-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----')).toEqual([]);
    expect(
      ids('-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUabc\n-----END CERTIFICATE-----'),
    ).toEqual([]);
  });

  it('compiles every pattern once, global, and never matches an empty string', () => {
    for (const detector of FORMAT_DETECTORS) {
      expect(detector.pattern.global, detector.id).toBe(true);
      expect(''.match(detector.pattern), detector.id).toBeNull();
    }
  });

  it('terminates on arbitrary and adversarial input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (text) => {
        expect(Array.isArray(findFormats(text, 'AWS_KEY'))).toBe(true);
      }),
      { numRuns: 200 },
    );
    const adversarial = [
      'eyJ' + 'a'.repeat(5000) + '.',
      'a://' + ':'.repeat(5000),
      'password=' + '='.repeat(50_000),
    ];
    for (const text of adversarial) expect(findFormats(text, undefined)).toEqual([]);
    expect(findFormats('x'.repeat(2 * 1024 * 1024), undefined)).toEqual([]);
  });
});
