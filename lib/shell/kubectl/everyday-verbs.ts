/** The everyday verbs beyond get/apply/delete: label, patch, wait, node maintenance, discovery, config. */
import { configVerb } from './config-verb';
import type { VerbSpec } from './context';
import { apiResourcesVerb, apiVersionsVerb, clusterInfoVerb, topVerb } from './discovery-verbs';
import { eventsVerb } from './events-verb';
import { diffVerb } from './diff';
import { replaceVerb } from './replace';
import { explainVerb } from './explain/explain-verb';
import { annotateVerb, labelVerb } from './label';
import { cordonVerb, drainVerb, taintVerb, uncordonVerb } from './node-verbs';
import { patchVerb } from './patch';
import { waitVerb } from './wait';

export const EVERYDAY_VERBS: VerbSpec[] = [
  labelVerb, annotateVerb, patchVerb, waitVerb, cordonVerb, uncordonVerb, drainVerb, taintVerb,
  apiResourcesVerb, apiVersionsVerb, clusterInfoVerb, explainVerb, topVerb, configVerb, eventsVerb, replaceVerb, diffVerb,
];
