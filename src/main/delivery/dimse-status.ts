import type { Answer } from './outcome';
import { hex4 } from './outcome';

/**
 * The meaning of a C-STORE response status (PS3.4 B.2.3, PS3.7 Annex C) and what it means for delivery.
 * 0xA7xx "out of resources" is transient: the same instance may be stored later. 0x0111 "duplicate SOP
 * instance" means the PACS already holds it: delivered. Other failures are permanent: retrying the same
 * bytes cannot change the answer.
 */
export function classifyStoreStatus(status: number, comment?: string): Answer {
  const why = comment ? ` (${comment})` : '';
  if (status === 0x0000) return { kind: 'stored', detail: 'success', code: status };
  if (status === 0x0111)
    return {
      kind: 'stored',
      detail: 'already-stored',
      code: status,
      meaning: `duplicate SOP instance${why}`,
    };
  if (status === 0xb000)
    return {
      kind: 'stored',
      detail: 'warning',
      code: status,
      meaning: `stored with coercion of data elements${why}`,
    };
  if (status === 0xb007)
    return {
      kind: 'stored',
      detail: 'warning',
      code: status,
      meaning: `stored, but the data set does not match the SOP class${why}`,
    };
  if (status === 0xb006)
    return {
      kind: 'stored',
      detail: 'warning',
      code: status,
      meaning: `stored, some elements discarded${why}`,
    };
  if (status >= 0xb000 && status <= 0xbfff)
    return {
      kind: 'stored',
      detail: 'warning',
      code: status,
      meaning: `stored with warning ${hex4(status)}${why}`,
    };
  if (status >= 0xa700 && status <= 0xa7ff)
    return { kind: 'failed', transient: true, code: status, meaning: `refused: out of resources${why}` };
  if (status >= 0xa900 && status <= 0xa9ff)
    return {
      kind: 'failed',
      transient: false,
      code: status,
      meaning: `error: data set does not match SOP class${why}`,
    };
  if (status >= 0xc000 && status <= 0xcfff)
    return { kind: 'failed', transient: false, code: status, meaning: `error: cannot understand${why}` };
  const named: Record<number, string> = {
    0x0110: 'processing failure',
    0x0117: 'invalid object instance',
    0x0122: 'refused: SOP class not supported',
    0x0124: 'refused: not authorized',
    0x0210: 'duplicate invocation',
    0x0211: 'unrecognized operation',
    0x0212: 'mistyped argument',
  };
  return {
    kind: 'failed',
    transient: false,
    code: status,
    meaning: `${named[status] ?? `failure ${hex4(status)}`}${why}`,
  };
}
