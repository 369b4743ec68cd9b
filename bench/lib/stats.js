// @ts-check
'use strict';

/**
 * @typedef {object} Figure
 * @property {number} median
 * @property {number} min
 * @property {number} max
 * @property {number} n        how many repetitions
 * @property {number[]} values every repetition, in order
 */

/**
 * Median and range of a figure measured once per repetition.
 * @param {number[]} values
 * @returns {Figure}
 */
function figure(values) {
	const finite = values.filter((v) => Number.isFinite(v));
	if (!finite.length) return { median: NaN, min: NaN, max: NaN, n: 0, values };
	const sorted = [...finite].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
	return { median, min: sorted[0], max: sorted[sorted.length - 1], n: finite.length, values };
}

/**
 * Ratios per repetition (a[i] / b[i], both measured in the same repetition), then their figure.
 * @param {number[]} a
 * @param {number[]} b
 */
function ratio(a, b) {
	return figure(a.map((value, i) => value / b[i]));
}

/**
 * `x` with a sensible number of digits.
 * @param {number} x
 * @param {number} [digits] significant digits for small numbers
 */
function num(x, digits = 3) {
	if (!Number.isFinite(x)) return 'n/a';
	const abs = Math.abs(x);
	if (abs >= 1000) return Math.round(x).toLocaleString('en-US');
	if (abs >= 100) return x.toFixed(0);
	if (Number.isInteger(x)) return String(x);
	return x
		.toPrecision(digits)
		.replace(/(\.\d*?)0+$/, '$1')
		.replace(/\.$/, '');
}

/**
 * "median (min-max)", or just the value when every repetition agrees.
 * @param {Figure} f
 * @param {string} [unit]
 * @param {number} [digits]
 */
function show(f, unit = '', digits = 3) {
	if (!f || !f.n) return 'n/a';
	const u = unit ? ` ${unit}` : '';
	const [median, min, max] = [f.median, f.min, f.max].map((x) => num(x, digits));
	if (min === max) return `${median}${u}`;
	return `${median}${u} (${min}-${max})`;
}

/** `show` for a ratio: "x2.5 (2.4-2.7)". @param {Figure} f */
function showRatio(f) {
	if (!f || !f.n) return 'n/a';
	const [median, min, max] = [f.median, f.min, f.max].map((x) => num(x));
	if (min === max) return `x${median}`;
	return `x${median} (${min}-${max})`;
}

module.exports = { figure, ratio, num, show, showRatio };
