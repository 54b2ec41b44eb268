/**
 * Field trees of the add-on custom resources, in api-fields.json's format, for strict decoding
 * (`strict decoding error: unknown field "spec.updatePolicy.mode"`). `kubernetes-types` has no
 * CRD types, so these follow the CRDs' structural schemas by hand:
 * kubernetes/autoscaler vertical-pod-autoscaler/deploy/vpa-v1-crd-gen.yaml and
 * metallb config/crd (IPAddressPool, L2Advertisement v1beta1). Leaves are "*": the apiserver
 * reports wrong leaf types of custom resources as schema validation errors, not decode errors.
 */
const META = 'meta/v1.ObjectMeta';
const RESOURCE_LIST = '{*';
const LABEL_SELECTOR = 'meta/v1.LabelSelector';

const obj = (spec: string, status = '*') => ({ apiVersion: 's', kind: 's', metadata: META, spec, status });

export const CRD_FIELDS = {
  kinds: {
    'autoscaling.k8s.io/v1/VerticalPodAutoscaler': 'vpa/v1.VerticalPodAutoscaler',
    'autoscaling.k8s.io/v1/VerticalPodAutoscalerCheckpoint': 'vpa/v1.VerticalPodAutoscalerCheckpoint',
    'metallb.io/v1beta1/IPAddressPool': 'metallb/v1beta1.IPAddressPool',
    'metallb.io/v1beta1/L2Advertisement': 'metallb/v1beta1.L2Advertisement',
  } as Record<string, string>,
  types: {
    'vpa/v1.VerticalPodAutoscaler': obj('vpa/v1.VerticalPodAutoscalerSpec'),
    'vpa/v1.VerticalPodAutoscalerSpec': {
      targetRef: 'vpa/v1.CrossVersionObjectReference', updatePolicy: 'vpa/v1.PodUpdatePolicy',
      resourcePolicy: 'vpa/v1.PodResourcePolicy', recommenders: '[vpa/v1.VerticalPodAutoscalerRecommenderSelector',
    },
    'vpa/v1.CrossVersionObjectReference': { apiVersion: '*', kind: '*', name: '*' },
    'vpa/v1.PodUpdatePolicy': { updateMode: '*', minReplicas: '*', evictionRequirements: '[vpa/v1.EvictionRequirement' },
    'vpa/v1.EvictionRequirement': { resources: '*', changeRequirement: '*' },
    'vpa/v1.PodResourcePolicy': { containerPolicies: '[vpa/v1.ContainerResourcePolicy' },
    'vpa/v1.ContainerResourcePolicy': {
      containerName: '*', mode: '*', minAllowed: RESOURCE_LIST, maxAllowed: RESOURCE_LIST, controlledResources: '*', controlledValues: '*',
    },
    'vpa/v1.VerticalPodAutoscalerRecommenderSelector': { name: '*' },
    'vpa/v1.VerticalPodAutoscalerCheckpoint': obj('vpa/v1.VerticalPodAutoscalerCheckpointSpec'),
    'vpa/v1.VerticalPodAutoscalerCheckpointSpec': { vpaObjectName: '*', containerName: '*' },
    'metallb/v1beta1.IPAddressPool': obj('metallb/v1beta1.IPAddressPoolSpec'),
    'metallb/v1beta1.IPAddressPoolSpec': { addresses: '*', autoAssign: '*', avoidBuggyIPs: '*', serviceAllocation: '*' },
    'metallb/v1beta1.L2Advertisement': obj('metallb/v1beta1.L2AdvertisementSpec'),
    'metallb/v1beta1.L2AdvertisementSpec': {
      ipAddressPools: '*', ipAddressPoolSelectors: `[${LABEL_SELECTOR}`, nodeSelectors: `[${LABEL_SELECTOR}`, interfaces: '*',
    },
  } as Record<string, Record<string, string>>,
};
