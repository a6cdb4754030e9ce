import { ruleTester } from '../../../test/helpers/rule-tester.ts';
import rule from './image-registry-allowed.ts';

const pod = (image: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: ${image}
`;

const allowed = {
  allowedRegistries: [
    'ghcr.io/acme',
    'registry.acme.internal:5000',
    '*.dkr.ecr.eu-west-1.amazonaws.com',
    'library',
  ],
};

ruleTester.run(rule, {
  valid: [
    {
      name: 'an empty allow list turns the rule off',
      yaml: pod('quay.io/evil/miner:1'),
      options: { allowedRegistries: [] },
    },
    { name: 'the default list: Kubernetes images', yaml: pod('registry.k8s.io/pause:3.10') },
    { name: 'the default list: Docker Official Images', yaml: pod('nginx:1.27') },
    { yaml: pod('ghcr.io/acme/api:1.2'), options: allowed },
    { yaml: pod('GHCR.io/acme/team/api:1.2'), options: allowed },
    { yaml: pod('registry.acme.internal:5000/app:3'), options: allowed },
    { yaml: pod('123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:7'), options: allowed },
    {
      name: 'Docker Hub official images through the library namespace',
      yaml: pod('nginx:1.27'),
      options: allowed,
    },
    { yaml: pod('index.docker.io/library/nginx:1.27'), options: allowed },
  ],
  invalid: [
    {
      name: 'the default list',
      yaml: pod('bitnami/redis:7'),
      errors: [{ messageId: 'notAllowed', line: 8, column: 14, message: 'from docker.io' }],
    },
    {
      yaml: pod('quay.io/evil/miner:1'),
      options: allowed,
      errors: [{ messageId: 'notAllowed', line: 8, column: 14, message: 'from quay.io' }],
    },
    {
      name: 'prefixes match whole path segments',
      yaml: pod('ghcr.io/acme-evil/api:1'),
      options: allowed,
      errors: [{ messageId: 'notAllowed', line: 8, column: 14 }],
    },
    {
      name: 'Docker Hub user images are not in library',
      yaml: pod('bitnami/redis:7'),
      options: allowed,
      errors: [{ messageId: 'notAllowed', line: 8, column: 14, message: 'from docker.io' }],
    },
  ],
});
