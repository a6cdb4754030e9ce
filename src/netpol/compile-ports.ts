import type { ObjectPath } from '../engine/finding.ts';
import { formatPath as describe } from '../engine/fingerprint.ts';
import { isRecord } from '../model/kube-object.ts';
import type { ConnectionSet } from './connection-set.ts';
import {
  ALL_CONNECTIONS,
  NO_CONNECTIONS,
  connectionsOf,
  isProtocol,
  unionConnections,
} from './connection-set.ts';
import type { NamedPort, RulePorts } from './policy-types.ts';
import { ALL_PORTS, MAX_PORT, MIN_PORT, portRange } from './port-set.ts';

export const ALL_RULE_PORTS: RulePorts = Object.freeze({ numeric: ALL_CONNECTIONS, named: [] });

/** IANA_SVC_NAME, as `validation.IsValidPortName` checks a named port. */
const PORT_NAME = /^(?=.{1,15}$)(?=.*[a-z])[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Compiles a rule's `ports`. Missing or empty means every port of every protocol; an entry
 * without `port` means every port of its protocol; `protocol` defaults to TCP; `endPort` widens a
 * numbered port to a range (https://kubernetes.io/docs/concepts/services-networking/network-policies/#targeting-a-range-of-ports).
 */
export function compilePorts(raw: unknown, path: ObjectPath, problems: string[]): RulePorts {
  if (raw === undefined || raw === null) return ALL_RULE_PORTS;
  if (!Array.isArray(raw)) {
    problems.push(`${describe(path)} is not a list`);
    return ALL_RULE_PORTS;
  }
  if (raw.length === 0) return ALL_RULE_PORTS;
  let numeric: ConnectionSet = NO_CONNECTIONS;
  const named: NamedPort[] = [];
  raw.forEach((entry: unknown, i) => {
    const at = [...path, i];
    // A null entry decodes to the zero NetworkPolicyPort: TCP, every port.
    const port = isRecord(entry) ? entry : entry === null ? {} : undefined;
    if (port === undefined) {
      problems.push(`${describe(at)} is not an object`);
      return;
    }
    const protocol = port.protocol ?? 'TCP';
    if (!isProtocol(protocol)) {
      problems.push(`${describe(at)}: unsupported protocol ${JSON.stringify(protocol)}`);
      return;
    }
    const value = port.port;
    const endPort = port.endPort;
    if (value === undefined || value === null) {
      if (endPort !== undefined && endPort !== null)
        problems.push(`${describe(at)}: endPort needs port`);
      numeric = unionConnections(numeric, connectionsOf(protocol, ALL_PORTS));
    } else if (typeof value === 'string') {
      if (!PORT_NAME.test(value))
        problems.push(`${describe(at)}: invalid port name ${JSON.stringify(value)}`);
      if (endPort !== undefined && endPort !== null)
        problems.push(`${describe(at)}: endPort needs a numbered port`);
      named.push({ protocol, name: value, path: [...at, 'port'] });
    } else if (isPortNumber(value)) {
      let end = value;
      if (endPort !== undefined && endPort !== null) {
        if (!isPortNumber(endPort) || endPort < value) {
          problems.push(`${describe(at)}: endPort must be a port number not below port`);
        } else {
          end = endPort;
        }
      }
      numeric = unionConnections(numeric, connectionsOf(protocol, portRange(value, end)));
    } else {
      problems.push(`${describe(at)}: port must be a number in ${MIN_PORT}-${MAX_PORT} or a name`);
    }
  });
  return { numeric, named };
}

function isPortNumber(value: unknown): value is number {
  return (
    typeof value === 'number' && Number.isInteger(value) && value >= MIN_PORT && value <= MAX_PORT
  );
}
