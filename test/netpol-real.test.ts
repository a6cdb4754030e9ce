import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REAL, conns, findings, model, modelOfTexts, reach, sources } from './netpol-helpers.ts';

// Real published policies (../shared/corpus/real, read in place) with their answers pinned.
describe('microservices-demo (Online Boutique) with its network-policies component', () => {
  const paths = [
    'microservices-demo/release/kubernetes-manifests.yaml',
    'microservices-demo/kustomize/components',
  ];

  it('allows exactly the service graph', async () => {
    const map = conns(await model(...paths));
    expect(map.size).toBe(39);
    expect(sources(map, 'default/redis-cart[Deployment]')).toEqual([
      'default/cartservice[Deployment]',
    ]);
    expect(map.get('default/cartservice[Deployment] => default/redis-cart[Deployment]')).toBe(
      'TCP 6379',
    );
    expect(
      map.get('default/checkoutservice[Deployment] => default/paymentservice[Deployment]'),
    ).toBe('TCP 50051');
    expect(map.get('0.0.0.0-255.255.255.255[External] => default/frontend[Deployment]')).toBe(
      'All Connections',
    );
    expect(sources(map, 'default/loadgenerator[Deployment]')).toEqual([]);
    // The shopping assistant has no policy of its own: deny-all isolates it both ways.
    expect([...map.keys()].filter((k) => k.includes('shoppingassistantservice'))).toEqual([]);
  });

  it('explains why the frontend cannot reach redis directly', async () => {
    const m = await model(...paths);
    expect(reach(m, 'default/frontend', 'default/redis-cart', '6379')).toBe(false);
    expect(reach(m, 'default/cartservice', 'default/redis-cart', '6379')).toBe(true);
  });

  it('findings: default deny exists for both directions, frontend allows all', async () => {
    const found = await findings(...paths);
    expect(found).toContain('netpol-policy-allows-all NetworkPolicy/frontend');
    expect(found.filter((f) => f.startsWith('netpol-namespace-no-default-deny'))).toEqual([]);
    expect(found.filter((f) => f.startsWith('netpol-workload-not-selected'))).toEqual([]);
    expect(found).toContain('netpol-egress-to-metadata NetworkPolicy/frontend');
  });
});

describe('argo-cd install manifests', () => {
  it('pins the component graph', async () => {
    const map = conns(await model('argo-cd/manifests/install.yaml'));
    expect(sources(map, 'default/argocd-redis[Deployment]').sort()).toEqual([
      'default/argocd-application-controller[StatefulSet]',
      'default/argocd-repo-server[Deployment]',
      'default/argocd-server[Deployment]',
    ]);
    expect(
      map.get('default/argocd-server[Deployment] => default/argocd-dex-server[Deployment]'),
    ).toBe('TCP 5556-5558');
    expect(
      map.get(
        'default/argocd-application-controller[StatefulSet] => default/argocd-repo-server[Deployment]',
      ),
    ).toBe('TCP 8081,8084');
    expect(map.get('0.0.0.0-255.255.255.255[External] => default/argocd-server[Deployment]')).toBe(
      'All Connections',
    );
    expect(sources(map, 'default/argocd-repo-server[Deployment]')).not.toContain(
      '0.0.0.0-255.255.255.255[External]',
    );
  });

  it('the namespace install is the same set of policies (last definition wins)', async () => {
    const both = conns(await model('argo-cd/manifests'));
    expect(both).toEqual(conns(await model('argo-cd/manifests/install.yaml')));
  });
});

describe('gke-network-policy-demo', () => {
  it('with the pod-label policy, only the allowed client reaches the server', async () => {
    const m = await model(
      'gke-network-policy-demo/manifests/hello-app',
      'gke-network-policy-demo/manifests/network-policy.yaml',
    );
    expect(reach(m, 'default/hello-client-allowed', 'default/hello-server', '8080')).toBe(true);
    expect(reach(m, 'default/hello-client-blocked', 'default/hello-server', '8080')).toBe(false);
    expect(reach(m, '203.0.113.9', 'default/hello-server')).toBe(false);
  });

  it('with the namespace policy, clients in default are blocked; one in hello-apps passes', async () => {
    const policy = 'gke-network-policy-demo/manifests/network-policy-namespaced.yaml';
    const m = await model('gke-network-policy-demo/manifests/hello-app', policy);
    expect(reach(m, 'default/hello-client-allowed', 'default/hello-server')).toBe(false);
    const moved = readFileSync(
      `${REAL}gke-network-policy-demo/manifests/hello-app/hello-client.yaml`,
      'utf8',
    ).replace(/^metadata:\n/gm, 'metadata:\n  namespace: hello-apps\n');
    const m2 = modelOfTexts([
      { path: 'client.yaml', text: moved },
      {
        path: 'server.yaml',
        text: readFileSync(
          `${REAL}gke-network-policy-demo/manifests/hello-app/hello-server.yaml`,
          'utf8',
        ),
      },
      { path: 'policy.yaml', text: readFileSync(`${REAL}${policy}`, 'utf8') },
    ]);
    expect(reach(m2, 'hello-apps/hello-client-blocked', 'default/hello-server')).toBe(true);
  });
});

describe('calico manifests', () => {
  it('the API server accepts TCP 5443 from anywhere and nothing else', async () => {
    const map = conns(await model('calico/manifests'));
    const into = [...map].filter(([k]) =>
      k.endsWith('=> calico-apiserver/calico-apiserver[Deployment]'),
    );
    expect(into.length).toBeGreaterThan(5);
    expect(new Set(into.map(([, v]) => v))).toEqual(new Set(['TCP 5443']));
    expect(
      map.get('0.0.0.0-255.255.255.255[External] => calico-apiserver/calico-apiserver[Deployment]'),
    ).toBe('TCP 5443');
  });

  it('findings: the API server policy takes the internet on a ClusterIP-only service', async () => {
    expect(await findings('calico/manifests')).toContain(
      'netpol-ingress-from-internet NetworkPolicy/allow-apiserver',
    );
  });
});
