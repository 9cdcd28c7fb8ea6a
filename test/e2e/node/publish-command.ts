/**
 * The one publish command: examples/deploy/github-pages.yml runs exactly this line (deploy-workflow.test.ts checks
 * it), and publish-site.test.ts runs the same line with the gateway installed from its npm tarballs. `_site` is the
 * folder actions/upload-pages-artifact uploads by default; SITE_URL is the Pages address from actions/configure-pages.
 */
export const PUBLISH_OUT = '_site';
export const PUBLISH_COMMAND = `npx om-gateway publish --out ${PUBLISH_OUT} --source live --base-url "$SITE_URL"`;
