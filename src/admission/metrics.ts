import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The webhook's Prometheus metrics, in a registry of its own (so tests can make several apps). */
export interface WebhookMetrics {
  registry: Registry;
  requests: Counter<'endpoint' | 'decision'>;
  duration: Histogram<'endpoint'>;
  findings: Counter<'rule' | 'action'>;
}

export function createMetrics(options: { processMetrics: boolean }): WebhookMetrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  return {
    registry,
    requests: new Counter({
      name: 'kubeward_admission_requests_total',
      help: 'Admission reviews handled, by endpoint and decision (allow, deny, patch, skipped, error).',
      labelNames: ['endpoint', 'decision'],
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'kubeward_admission_duration_seconds',
      help: 'Time to evaluate one admission review.',
      labelNames: ['endpoint'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
    findings: new Counter({
      name: 'kubeward_admission_findings_total',
      help: 'Findings at admission, by rule and action (deny, warn, audit).',
      labelNames: ['rule', 'action'],
      registers: [registry],
    }),
  };
}
