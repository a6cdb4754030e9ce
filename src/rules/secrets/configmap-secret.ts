import { defineRule } from '../../engine/rule.ts';
import { dockerConfigCredentials, kubeconfigCredentials, scanValue } from '../../secrets/index.ts';
import { dataEntries } from './internal/data-entries.ts';
import {
  describeMatches,
  matchEvidence,
  shown,
  worstSeverity,
} from './internal/describe-matches.ts';
import { OWASP_K08, SECRETS_GOOD_PRACTICES } from './internal/references.ts';
import {
  resolveScanOptions,
  SCAN_DEFAULT_OPTIONS,
  SCAN_OPTIONS_SCHEMA,
} from './internal/scan-options.ts';

/** Binary keystores hold private keys; truststores only certificates. */
const KEYSTORE = /\.(?:jks|p12|pfx|keystore|bcfks)$/i;
const TRUSTSTORE = /trust/i;

export default defineRule({
  id: 'configmap-secret',
  meta: {
    title: 'ConfigMaps do not hold secrets',
    description:
      'Finds secrets in ConfigMap `data` and `binaryData`: known token formats anywhere in a value, values judged by their key (`DB_PASSWORD`, `api_key`), and the `key: value` / `key=value` pairs of embedded config files (properties, YAML, .env, shell scripts, PHP) line by line. Binary keystores (`.jks`, `.p12`) are reported too. ConfigMaps are not treated as confidential: they are readable by far more subjects than Secrets, are not encrypted at rest, and end up in logs, dashboards and Git.',
    severity: 'high',
    category: 'secrets',
    messages: {
      secretInData: 'ConfigMap key "{{key}}" contains {{what}}.',
      keystore: 'ConfigMap key "{{key}}" holds a binary keystore, which carries private keys.',
    },
    references: [SECRETS_GOOD_PRACTICES, OWASP_K08],
    remediation:
      'Rotate the credential and move it to a Secret (created outside the repository) or an external secret store; keep only non-sensitive settings in the ConfigMap.',
    kinds: ['ConfigMap'],
    peers: {
      trivy: ['KSV109', 'KSV01010'],
      kubescape: ['C-0012'],
      polaris: ['sensitiveConfigmapContent'],
      kubeScore: [],
      checkov: ['CKV_SECRET_2', 'CKV_SECRET_6', 'CKV_SECRET_9', 'CKV_SECRET_13', 'CKV_SECRET_14'],
    },
    schema: SCAN_OPTIONS_SCHEMA,
    defaultOptions: SCAN_DEFAULT_OPTIONS,
  },
  check(ctx) {
    const options = resolveScanOptions(ctx.options, true);
    for (const entry of dataEntries(ctx.object)) {
      if (options.ignoreNames.has(entry.key.toLowerCase())) continue;
      const key = shown(entry.key);
      if (entry.text === undefined) {
        if (KEYSTORE.test(entry.key) && !TRUSTSTORE.test(entry.key)) {
          ctx.report({ path: entry.path, messageId: 'keystore', data: { key } });
        }
        continue;
      }
      // Kubeconfigs and Docker configs have their own rules, which name the credential fields.
      if (kubeconfigCredentials(entry.text) !== undefined) continue;
      if (dockerConfigCredentials(entry.text, entry.key === '.dockercfg') !== undefined) continue;
      const matches = scanValue(entry.text, entry.key, options);
      if (matches.length === 0) continue;
      ctx.report({
        path: entry.path,
        messageId: 'secretInData',
        data: { key, what: describeMatches(matches, entry.text.includes('\n')) },
        severity: worstSeverity(matches, 'high'),
        evidence: matchEvidence(matches),
      });
    }
  },
});
