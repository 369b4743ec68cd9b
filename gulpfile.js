// Copies the static assets tsc does not emit (icons, codex files) next to the compiled nodes/credentials.
const { src, dest } = require('gulp');

function copyIcons() {
	return src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], { encoding: false }).pipe(
		dest((file) => file.base.replace(process.cwd(), `${process.cwd()}/dist`)),
	);
}

function copyCodex() {
	return src('nodes/**/*.node.json').pipe(dest('dist/nodes'));
}

exports['build:icons'] = async function buildStaticAssets() {
	await new Promise((resolve, reject) => copyIcons().on('finish', resolve).on('error', reject));
	await new Promise((resolve, reject) => copyCodex().on('finish', resolve).on('error', reject));
};
