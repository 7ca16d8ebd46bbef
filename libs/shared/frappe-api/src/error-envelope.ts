import { randomBytes } from 'node:crypto';
import type { FrappeError } from './frappe-error.js';

/** Body of a Frappe v1 error response (`frappe/utils/response.py report_error`). */
export interface FrappeErrorEnvelope {
  exc_type: string;
  exception: string;
  _server_messages: string;
}

/**
 * `_server_messages` is a JSON string holding a list of JSON strings, each a msgprint dict;
 * stock Frappe clients double-decode it, so the nesting must be exact.
 */
export function toErrorEnvelope(error: FrappeError): FrappeErrorEnvelope {
  const message = {
    message: error.message,
    title: error.title ?? 'Message',
    indicator: 'red',
    raise_exception: 1,
    __frappe_exc_id: randomBytes(16).toString('hex'),
  };
  return {
    exc_type: error.excType,
    exception: `frappe.exceptions.${error.excType}: ${error.message}`,
    _server_messages: JSON.stringify([JSON.stringify(message)]),
  };
}
