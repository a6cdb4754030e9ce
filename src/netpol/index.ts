export { netpolModel } from './model.ts';
export type { NetpolModel, InvalidPolicy, PeerEntry } from './model.ts';
export type { NetpolOptions } from './options.ts';
export { DEFAULT_NETPOL_OPTIONS } from './options.ts';
export { Evaluator } from './evaluate.ts';
export { connectionList, endpointName } from './connections.ts';
export type { Connection, Endpoint } from './connections.ts';
export { explainReach, endpointLabel, verdictAllows } from './explain.ts';
export type { ReachEndpoint, ReachVerdict, DirectionVerdict } from './explain.ts';
export { exposureOf, METADATA_ADDRESSES } from './exposure.ts';
export type { WorkloadExposure } from './exposure.ts';
export type { FrontDoor } from './front-doors.ts';
export type { Workload, PodVariant } from './workloads.ts';
export type { CompiledPolicy, CompiledRule, CompiledPeer, Direction } from './policy-types.ts';
export * from './connection-set.ts';
export { connectionsText } from './format/connections-text.ts';
export { connectionsJson } from './format/connections-json.ts';
export { connectionsCsv, connectionsMarkdown } from './format/connections-table.ts';
export { connectionsDot } from './format/connections-dot.ts';
export { reachText, reachAllowed } from './format/reach-text.ts';
export type { ReachReport } from './format/reach-text.ts';
export { reachJson } from './format/reach-json.ts';
export {
  exposureText,
  exposureJson,
  exposureCsv,
  exposureMarkdown,
} from './format/exposure-format.ts';
export { resolveEndpoint } from './resolve-endpoint.ts';
