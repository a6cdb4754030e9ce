/**
 * cel-js evaluation errors reworded as cel-go words them, since the API server quotes them in
 * its messages (`expression '…' resulted in error: no such key: x`). Each wording below was
 * checked against kube-apiserver v1.37; anything else keeps cel-js's text.
 */
export function celGoMessage(code: unknown, summary: string): string {
  switch (code) {
    case 'index_out_of_bounds': {
      const index = /index (-?\d+)/.exec(summary);
      return index === null ? summary : `index out of bounds: ${index[1] ?? ''}`;
    }
    case 'no_such_key':
      return summary.replace(/^No such key: /, 'no such key: ');
    case 'modulo_by_zero':
      return 'modulus by zero';
    case 'numeric_overflow':
      return /unsigned/i.test(summary) ? 'unsigned integer overflow' : 'integer overflow';
    // cel-js raises this one for uint() of a negative int (and of a bad string, which cel-go
    // words as a conversion error instead: rarer, so not distinguished).
    case 'uint_conversion_error':
      return 'unsigned integer overflow';
    case 'int_conversion_error':
      return "type conversion error from 'string' to 'int'";
    case 'double_conversion_error':
      return "type conversion error from 'string' to 'double'";
    case 'invalid_duration':
      return "type conversion error from 'string' to 'google.protobuf.Duration'";
    case 'invalid_timestamp':
      return summary.startsWith('timestamp() requires a string')
        ? "type conversion error from 'string' to 'google.protobuf.Timestamp'"
        : summary;
    default:
      return summary;
  }
}
