import { defineRule } from '../../engine/rule.ts';
import { allowsPort } from '../../netpol/connection-set.ts';
import { ipSetContains, parseAddress } from '../../netpol/ip-set.ts';
import type { CompiledPeer, CompiledRule } from '../../netpol/policy-types.ts';
import { REF, modelOf, policyOf, ruleLabel } from './internal/netpol.ts';

const DEFAULT_ADDRESSES = ['169.254.169.254', 'fd00:ec2::254', '100.100.100.200'];

export default defineRule({
  id: 'netpol-egress-to-metadata',
  meta: {
    title: 'Egress rules do not open the cloud metadata service',
    description:
      'Cloud instance metadata services (169.254.169.254 on AWS, GCP, Azure and OpenStack; fd00:ec2::254 on AWS IPv6; 100.100.100.200 on Alibaba) hand out node credentials over plain HTTP on port 80. An egress rule that allows TCP 80 to such an address (no `to` at all, or an ipBlock such as `0.0.0.0/0` that does not except it) lets every selected pod steal the node identity: a classic SSRF pivot. Named ports never match an address, so only numbered ports count.',
    severity: 'high',
    category: 'network',
    exact: true,
    kinds: ['networking.k8s.io/NetworkPolicy'],
    messages: {
      metadata:
        '{{rule}} of NetworkPolicy "{{name}}" allows TCP 80 to cloud metadata {{addresses}} ({{how}}): pods can fetch node credentials.',
    },
    remediation:
      "Add the metadata address to the ipBlock `except` list (`169.254.169.254/32`), or list narrower destinations; where pods need cloud credentials, use workload identity instead of the node's.",
    references: [REF.metadata, REF.policies],
    peers: { trivy: [], kubescape: [], polaris: [], kubeScore: [], checkov: [] },
    schema: {
      type: 'object',
      properties: { addresses: { type: 'array', items: { type: 'string' } } },
      additionalProperties: false,
    },
    defaultOptions: { addresses: DEFAULT_ADDRESSES },
  },
  check(ctx) {
    const policy = policyOf(modelOf(ctx.inventory), ctx.scanObject);
    if (policy?.egress === undefined) return;
    const option = ctx.options.addresses;
    const addresses = (Array.isArray(option) ? option : DEFAULT_ADDRESSES).filter(
      (a): a is string => typeof a === 'string',
    );
    for (const rule of policy.egress) {
      if (!allowsPort(rule.ports.numeric, 'TCP', 80)) continue;
      const hits = addresses.flatMap((address) => {
        const peer = reachingPeer(rule, address);
        return peer === undefined ? [] : [{ address, peer }];
      });
      const [first] = hits;
      if (first === undefined) continue;
      const samePeer = hits.every((h) => h.peer === first.peer);
      const peer = first.peer;
      const how =
        peer === 'any'
          ? 'the rule has no `to`'
          : samePeer && peer.spec.kind === 'ipBlock'
            ? `ipBlock ${peer.spec.cidr} does not except them`
            : 'its ipBlocks do not except them';
      ctx.report({
        path: peer !== 'any' && samePeer ? [...peer.path, 'ipBlock'] : rule.path,
        messageId: 'metadata',
        data: {
          rule: ruleLabel(rule),
          name: policy.name,
          addresses: hits.map((h) => h.address).join(', '),
          how,
        },
      });
    }
  },
});

/** The ipBlock that lets a rule reach an address, `any` for a rule without `to`. */
function reachingPeer(rule: CompiledRule, address: string): 'any' | CompiledPeer | undefined {
  const ip = parseAddress(address);
  if (ip === undefined) return undefined;
  if (rule.peers === undefined) return 'any';
  return rule.peers.find(
    ({ spec }) => spec.kind === 'ipBlock' && ipSetContains(spec.set, ip.family, ip.value),
  );
}
