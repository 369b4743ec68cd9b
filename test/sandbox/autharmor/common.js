// @ts-check
'use strict';

/** Pieces shared by the Auth Armor files: the vendor's error body and form decoding. */

const { json, uuid } = require('../http-util');

/**
 * The vendor's error body.
 * @param {number} status
 * @param {string} text
 */
function apiError(status, text) {
	return json(status, { error_code: status, error_message: text, tracking_id: uuid() });
}

/**
 * Undoes application/x-www-form-urlencoded escaping (used inside HTTP Basic client credentials).
 * @param {string} text
 */
function formDecode(text) {
	try {
		return decodeURIComponent(text.replace(/\+/g, ' '));
	} catch {
		return text;
	}
}

module.exports = { apiError, formDecode };
