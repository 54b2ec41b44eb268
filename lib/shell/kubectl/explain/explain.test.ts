import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../cluster';
import { createShell } from '../../session';
import { loadApiDocs } from './explain-verb';
import { wrap, wordWrap } from './wrap';

const sh = () => createShell({ cluster: createCluster({ seed: 'explain', now: Date.UTC(2025, 0, 1) }) });

describe('explain text helpers (funcs.go wrap / go-wordwrap)', () => {
  it('realigns line breaks, like funcs_test.go "realign line breaks"', () => {
    const input = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. Vivamus pulvinar in libero id sagittis. \nAliquam sem enim, vehicula et urna ac, vehicula ullamcorper sem.';
    expect(wrap(76, input)).toBe('Lorem ipsum dolor sit amet, consectetur adipiscing elit. Vivamus pulvinar in\n' +
      'libero id sagittis. Aliquam sem enim, vehicula et urna ac, vehicula\nullamcorper sem.');
  });
  it('never splits a word longer than the limit', () => {
    expect(wordWrap('a https://example.com/a/very/long/url b', 10)).toBe('a\nhttps://example.com/a/very/long/url\nb');
  });
});

describe('kubectl explain', () => {
  it('prints a kind with its fields, sorted, required marked', async () => {
    const { output, exitCode } = await sh().exec('kubectl explain pods.spec');
    expect(exitCode).toBe(0);
    expect(output.startsWith('KIND:       Pod\nVERSION:    v1\n\nFIELD: spec <PodSpec>\n\n\nDESCRIPTION:\n')).toBe(true);
    expect(output).toContain('\n  containers\t<[]Container> -required-\n');
    expect(output.indexOf('\n  activeDeadlineSeconds\t')).toBeLessThan(output.indexOf('\n  affinity\t'));
  });

  it('accepts short names, kinds and group-qualified names', async () => {
    const s = sh();
    for (const cmd of ['kubectl explain po', 'kubectl explain Pod', 'kubectl explain pods.v1.spec', 'kubectl explain deployments.apps.spec']) {
      expect((await s.exec(cmd)).exitCode).toBe(0);
    }
  });

  it("explains a custom resource from its CRD's schema once the CRD exists", async () => {
    const s = sh();
    expect((await s.exec('kubectl explain vpa')).output).toBe('error: the server doesn\'t have a resource type "vpa"\n');
    await s.exec('kubectl apply -f https://raw.githubusercontent.com/kubernetes/autoscaler/master/vertical-pod-autoscaler/deploy/vpa-v1-crd-gen.yaml');
    const spec = await s.exec('kubectl explain vpa.spec');
    expect(spec.output.startsWith('GROUP:      autoscaling.k8s.io\nKIND:       VerticalPodAutoscaler\nVERSION:    v1\n\nFIELD: spec <Object>\n')).toBe(true);
    expect(spec.output).toContain('\n  targetRef\t<Object> -required-\n    <no description>\n');
    expect((await s.exec('kubectl explain vpa.spec.updatePolicy.updateMode')).output).toMatch(/FIELD: updateMode <string>\nENUM:\n(    .+\n)+\nDESCRIPTION:\n/);
    expect((await s.exec('kubectl explain vpa.metadata.name')).output).toContain('FIELD: name <string>');
  });

  it('completes field paths with Tab once the documentation is loaded', async () => {
    const s = sh();
    await loadApiDocs();
    const at = (line: string) => s.complete(line, line.length).candidates;
    expect(at('kubectl explain pods.sp')).toEqual(['pods.spec']);
    expect(at('kubectl explain deploy.spec.template.spec.containers.livenessP')).toEqual(['deploy.spec.template.spec.containers.livenessProbe']);
    expect(at('kubectl explain svc.spec.nope.x')).toEqual([]);
  });

  it('walks through maps of objects and stops at cycles with --recursive', async () => {
    const s = sh();
    const deep = await s.exec('kubectl explain crd.spec.versions.schema.openAPIV3Schema.properties.default');
    expect(deep.exitCode).toBe(0);
    expect(deep.output).toContain('FIELD: default <JSON>');
    const rec = await s.exec('kubectl explain crd --recursive');
    expect(rec.exitCode).toBe(0);
    // JSONSchemaProps refers to itself: its fields are listed once under openAPIV3Schema, not again below.
    expect(rec.output).toContain('        openAPIV3Schema\t<JSONSchemaProps>\n          $ref\t<string>\n');
    expect(rec.output).not.toContain('            $ref\t<string>');
  });
});
