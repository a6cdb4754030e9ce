import { defineRule } from '../../engine/rule.ts';
import { annotationsOf, isRecord } from '../../model/kube-object.ts';
import { INGRESS_TLS_DOC } from './internal/references.ts';
import { recordsOf, specOf } from './internal/service.ts';

/** Traefik serves a router over TLS (with its default certificate) when this is "true". */
const TRAEFIK_TLS = 'traefik.ingress.kubernetes.io/router.tls';

/** Whether `host` is covered by a TLS host: exact, or a `*.` wildcard matching exactly one label. */
function covers(tlsHost: string, host: string): boolean {
  if (tlsHost === host) return true;
  if (!tlsHost.startsWith('*.') || host.startsWith('*.')) return false;
  const dot = host.indexOf('.');
  return dot > 0 && host.slice(dot) === tlsHost.slice(1);
}

export default defineRule({
  id: 'ingress-no-tls',
  meta: {
    title: 'Ingresses serve every host over TLS',
    description:
      'An Ingress without `spec.tls` serves its routes over plain HTTP, so credentials, cookies and data cross the network in clear text and can be altered in transit. With `spec.tls`, a rule whose host is listed in no TLS entry is still served without the intended certificate. Hosts are matched as the controllers do: exactly, or by a `*.` wildcard covering one DNS label; a TLS entry without hosts covers every host. Traefik\'s `router.tls: "true"` annotation counts as TLS.',
    severity: 'medium',
    category: 'exposure',
    messages: {
      noTls: 'Ingress serves {{hosts}} over plain HTTP: it has no spec.tls section.',
      hostNotCovered:
        'Ingress host "{{host}}" is not listed in any spec.tls entry, so it is not served with its own certificate.',
    },
    references: [INGRESS_TLS_DOC],
    remediation:
      'Add a spec.tls entry listing every rule host with a certificate Secret (cert-manager can issue and renew it), and redirect HTTP to HTTPS in the controller.',
    kinds: ['networking.k8s.io/Ingress', 'extensions/Ingress'],
    peers: {
      trivy: [],
      kubescape: ['C-0263'],
      polaris: ['tlsSettingsMissing'],
      kubeScore: [],
      checkov: [],
    },
  },
  check(ctx) {
    const spec = specOf(ctx.object);
    if (spec === undefined) return;
    const rules = recordsOf(spec.rules);
    const hasBackend = isRecord(spec.defaultBackend) || isRecord(spec.backend);
    if (rules.length === 0 && !hasBackend) return;
    const traefik: unknown = annotationsOf(ctx.object)[TRAEFIK_TLS];
    if (traefik === true || (typeof traefik === 'string' && traefik.toLowerCase() === 'true'))
      return;
    const tls = recordsOf(spec.tls);
    if (tls.length === 0) {
      const hosts = rules
        .map(({ item }) => item.host)
        .filter((host): host is string => typeof host === 'string' && host !== '');
      const shownHosts = hosts.slice(0, 3).map((h) => `"${h}"`);
      const described =
        hosts.length === 0 || hosts.length < rules.length || hasBackend
          ? 'every host'
          : hosts.length > 3
            ? `${shownHosts.join(', ')} and ${hosts.length - 3} more`
            : shownHosts.join(', ');
      ctx.report({ path: ['spec', 'tls'], messageId: 'noTls', data: { hosts: described } });
      return;
    }
    const tlsHosts: string[] = [];
    let coversAll = false;
    for (const { item } of tls) {
      const hosts = Array.isArray(item.hosts) ? item.hosts : [];
      if (hosts.length === 0) coversAll = true;
      for (const host of hosts) if (typeof host === 'string') tlsHosts.push(host.toLowerCase());
    }
    if (coversAll) return;
    for (const { item, index } of rules) {
      if (typeof item.host !== 'string' || item.host === '') continue;
      const host = item.host.toLowerCase();
      if (tlsHosts.some((tlsHost) => covers(tlsHost, host))) continue;
      ctx.report({
        path: ['spec', 'rules', index, 'host'],
        messageId: 'hostNotCovered',
        data: { host: item.host },
      });
    }
  },
});
