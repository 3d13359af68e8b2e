/**
 * Astro 7 needs Node >= 22.12. This machine's system Node may be older; the
 * `node` devDependency provides Node 24 to every `npm run` script.
 */
export function requireSupportedNode(version: string = process.versions.node): void {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 12)) return;
  console.error(
    `Node ${version} is too old (need >= 22.12). Run this through npm (npm run build, npm test), which uses the Node from node_modules/.bin.`,
  );
  process.exit(1);
}
