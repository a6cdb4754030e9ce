export const ERROR_CODES = ['E_USAGE', 'E_CONFIG', 'E_INPUT', 'E_INTERNAL', 'E_CLUSTER'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A user mistake (bad flag, config or path): printed as `kubeward: <message>`, exit code 2. */
export class KubewardError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    this.name = 'KubewardError';
  }
}
