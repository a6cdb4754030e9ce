import type { FormatDetector } from './detector.ts';

/**
 * Token formats with a fixed, documented prefix. Boundaries are lookarounds so that a token glued
 * to other word characters (a longer random string) does not count.
 */
export const VENDOR_TOKENS: readonly FormatDetector[] = [
  {
    id: 'aws-access-key-id',
    title: 'an AWS access key ID',
    severity: 'high',
    keywords: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'A3T'],
    pattern: /(?<![A-Za-z0-9])((?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16})(?![A-Za-z0-9])/g,
  },
  {
    id: 'github-pat',
    title: 'a GitHub personal access token',
    severity: 'critical',
    keywords: ['ghp_'],
    pattern: /(?<![A-Za-z0-9_])(ghp_[A-Za-z0-9]{36,251})(?![A-Za-z0-9_])/g,
  },
  {
    id: 'github-oauth',
    title: 'a GitHub OAuth access token',
    severity: 'critical',
    keywords: ['gho_'],
    pattern: /(?<![A-Za-z0-9_])(gho_[A-Za-z0-9]{36,251})(?![A-Za-z0-9_])/g,
  },
  {
    id: 'github-app-token',
    title: 'a GitHub App token',
    severity: 'critical',
    keywords: ['ghu_', 'ghs_'],
    pattern: /(?<![A-Za-z0-9_])(gh[us]_[A-Za-z0-9]{36,251})(?![A-Za-z0-9_])/g,
  },
  {
    id: 'github-refresh-token',
    title: 'a GitHub refresh token',
    severity: 'critical',
    keywords: ['ghr_'],
    pattern: /(?<![A-Za-z0-9_])(ghr_[A-Za-z0-9]{36,251})(?![A-Za-z0-9_])/g,
  },
  {
    id: 'github-fine-grained-pat',
    title: 'a GitHub fine-grained personal access token',
    severity: 'critical',
    keywords: ['github_pat_'],
    pattern: /(?<![A-Za-z0-9_])(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])/g,
  },
  {
    id: 'gitlab-pat',
    title: 'a GitLab access token',
    severity: 'critical',
    keywords: ['glpat-', 'gldt-', 'glrt-', 'glptt-'],
    pattern: /(?<![A-Za-z0-9_-])(gl(?:pat|dt|rt|ptt)-[A-Za-z0-9_-]{20,64})(?![A-Za-z0-9_-])/g,
  },
  {
    id: 'slack-access-token',
    title: 'a Slack token',
    severity: 'high',
    keywords: ['xoxa-', 'xoxb-', 'xoxp-', 'xoxr-', 'xoxs-'],
    pattern: /(?<![A-Za-z0-9-])(xox[abprs]-[A-Za-z0-9-]{10,250})(?![A-Za-z0-9-])/g,
  },
  {
    id: 'slack-web-hook',
    title: 'a Slack webhook URL',
    severity: 'high',
    keywords: ['hooks.slack.com'],
    pattern:
      /(https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/_-]{20,200})/g,
  },
  {
    id: 'stripe-secret-token',
    title: 'a Stripe live secret key',
    severity: 'critical',
    keywords: ['sk_live_', 'rk_live_'],
    pattern: /(?<![A-Za-z0-9_])([sr]k_live_[A-Za-z0-9]{10,247})(?![A-Za-z0-9_])/g,
  },
  {
    id: 'gcp-api-key',
    title: 'a Google API key',
    severity: 'high',
    keywords: ['AIza'],
    pattern: /(?<![A-Za-z0-9_-])(AIza[A-Za-z0-9_-]{35})(?![A-Za-z0-9_-])/g,
  },
  {
    id: 'npm-access-token',
    title: 'an npm access token',
    severity: 'critical',
    keywords: ['npm_'],
    pattern: /(?<![A-Za-z0-9_])(npm_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/g,
  },
  {
    id: 'sendgrid-api-token',
    title: 'a SendGrid API key',
    severity: 'high',
    keywords: ['SG.'],
    pattern: /(?<![A-Za-z0-9_-])(SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g,
  },
  {
    id: 'twilio-api-key',
    title: 'a Twilio API key',
    severity: 'high',
    keywords: ['SK'],
    pattern: /(?<![A-Za-z0-9])(SK[0-9a-f]{32})(?![A-Za-z0-9])/g,
  },
  {
    id: 'openai-api-key',
    title: 'an OpenAI API key',
    severity: 'high',
    keywords: ['T3BlbkFJ'],
    pattern:
      /(?<![A-Za-z0-9_-])(sk-[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200})(?![A-Za-z0-9_-])/g,
  },
  {
    id: 'anthropic-api-key',
    title: 'an Anthropic API key',
    severity: 'high',
    keywords: ['sk-ant-'],
    pattern:
      /(?<![A-Za-z0-9_-])(sk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{80,120})(?![A-Za-z0-9_-])/g,
  },
  {
    id: 'hugging-face-access-token',
    title: 'a Hugging Face access token',
    severity: 'high',
    keywords: ['hf_'],
    pattern: /(?<![A-Za-z0-9_])(hf_[A-Za-z0-9]{34,40})(?![A-Za-z0-9_])/g,
  },
  {
    id: 'digitalocean-token',
    title: 'a DigitalOcean token',
    severity: 'high',
    keywords: ['_v1_'],
    pattern: /(?<![A-Za-z0-9_])(do[por]_v1_[a-f0-9]{64})(?![A-Za-z0-9_])/g,
  },
  {
    id: 'pypi-upload-token',
    title: 'a PyPI upload token',
    severity: 'high',
    keywords: ['pypi-AgEIcHlwaS5vcmc'],
    pattern: /(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000})/g,
  },
  {
    id: 'age-secret-key',
    title: 'an age secret key',
    severity: 'critical',
    keywords: ['AGE-SECRET-KEY-1'],
    pattern: /(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})/g,
  },
  {
    id: 'shopify-token',
    title: 'a Shopify token',
    severity: 'high',
    keywords: ['shpss_', 'shpat_', 'shpca_', 'shppa_'],
    pattern: /(?<![A-Za-z0-9_])(shp(?:ss|at|ca|pa)_[a-fA-F0-9]{32})(?![A-Za-z0-9_])/g,
  },
];
