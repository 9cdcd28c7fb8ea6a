/**
 * examples/deploy/github-pages.yml, read as GitHub reads it (a YAML parser, not regular expressions): scheduled and
 * manual runs, the Pages permissions, the key from the OM_API_KEY secret, the official Pages actions in order, and
 * exactly the publish command that publish-site.test.ts runs against the gateway installed from its tarballs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ROOT } from './harness.js';
import { PUBLISH_COMMAND, PUBLISH_OUT } from './publish-command.js';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

const workflow = parse(readFileSync(`${ROOT}examples/deploy/github-pages.yml`, 'utf8')) as {
  on: { schedule?: Array<{ cron: string }>; workflow_dispatch?: unknown };
  permissions: Record<string, string>;
  jobs: Record<string, { environment?: { name: string; url: string }; steps: Step[] }>;
};
const jobs = Object.values(workflow.jobs);
const steps = jobs.flatMap((job) => job.steps);
const action = (name: string) => steps.findIndex((step) => step.uses?.split('@')[0] === name);

test('the workflow runs nightly and on demand, with the permissions the Pages actions need', () => {
  assert.equal(workflow.on.schedule?.length, 1);
  const fields = workflow.on.schedule![0].cron.trim().split(/\s+/);
  assert.equal(fields.length, 5, 'a five-field cron');
  assert.deepEqual(fields.slice(2), ['*', '*', '*'], 'every day');
  assert.ok('workflow_dispatch' in workflow.on, 'a manual run');
  assert.equal(workflow.permissions.pages, 'write');
  assert.equal(workflow.permissions['id-token'], 'write');
  assert.equal(jobs.length, 1);
  assert.equal(jobs[0].environment?.name, 'github-pages');
});

test('it runs exactly the tested publish command, with the key from the OM_API_KEY secret, and deploys that folder', () => {
  const publishing = steps.filter((step) => step.run?.includes('om-gateway publish'));
  assert.equal(publishing.length, 1);
  const [publish] = publishing;
  assert.equal(publish.run!.trim(), PUBLISH_COMMAND);
  assert.equal(publish.env?.OM_API_KEY, '${{ secrets.OM_API_KEY }}');
  // The site's address comes from configure-pages, so the snippets on index.html carry it.
  const pagesStep = steps[action('actions/configure-pages')];
  assert.ok(pagesStep?.id, 'configure-pages has an id');
  assert.equal(publish.env?.SITE_URL, `\${{ steps.${pagesStep.id}.outputs.base_url }}`);

  // The published CLI: the gateway installed from npm, at the version of this repository's gateway (major.minor).
  const install = steps.find((step) => step.run?.includes('npm install'));
  const version = JSON.parse(readFileSync(`${ROOT}packages/gateway/package.json`, 'utf8')).version as string;
  assert.match(install?.run ?? '', new RegExp(`@occupational-maps/gateway@${version.split('.').slice(0, 2).join('\\.')}(\\s|$)`));

  const order = ['actions/setup-node', 'actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages'].map(action);
  assert.ok(order.every((index) => index >= 0), `every official action is there: ${order}`);
  assert.deepEqual([...order].sort((a, b) => a - b), order, 'in this order');
  assert.ok(steps.indexOf(install!) < steps.indexOf(publish) && steps.indexOf(publish) < order[2], 'install, publish, then upload');
  assert.equal(steps[order[2]].with?.path, PUBLISH_OUT, 'the uploaded folder is the one publish writes');
  const deploy = steps[order[3]];
  assert.equal(jobs[0].environment?.url, `\${{ steps.${deploy.id}.outputs.page_url }}`);
});
