import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { posix } from 'node:path';
import {
  Deployment,
  StatefulSet,
  type IDeployment,
  type IStatefulSet,
} from 'kubernetes-models/apps/v1';
import {
  HorizontalPodAutoscaler,
  type IHorizontalPodAutoscaler,
} from 'kubernetes-models/autoscaling/v2';
import { Job, type IJob } from 'kubernetes-models/batch/v1';
import { Ingress, type IIngress } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import {
  ConfigMap,
  Namespace,
  PersistentVolumeClaim,
  Secret,
  Service,
  type IConfigMap,
  type IContainer,
  type IPodSpec,
  type IProbe,
  type ISecret,
  type IService,
} from 'kubernetes-models/v1';
import {
  isRecord,
  listApps,
  listYamlFiles,
  loadManifestFile,
  loadYamlWithMerges,
  readRepoFile,
  repoPath,
  type KubeObject,
  type Manifest,
} from './load.js';

// Everything the checks compare against comes from the repository itself.
const apps = listApps();
const k8sDir = repoPath('k8s');
const manifestFiles = listYamlFiles(k8sDir).map((file) => loadManifestFile(k8sDir, file));
const manifests = manifestFiles.flatMap((file) => file.manifests);

const APP_CONFIG = 'helpdesk-config';
const APP_SECRETS = 'helpdesk-secrets';
const PLACEHOLDER = 'REPLACE_ME';

// ---------------------------------------------------------------------------
// Kubernetes helpers

type Validate = (object: KubeObject) => void;

function schemaOf(model: new (data: never) => { validate(): void }): Validate {
  return (object) => {
    new model(object as never).validate();
  };
}

/** JSON-schema validation per apiVersion/kind, from the Kubernetes OpenAPI definitions. */
const validators = new Map<string, Validate>([
  ['v1/Namespace', schemaOf(Namespace)],
  ['v1/ConfigMap', schemaOf(ConfigMap)],
  ['v1/Secret', schemaOf(Secret)],
  ['v1/Service', schemaOf(Service)],
  ['v1/PersistentVolumeClaim', schemaOf(PersistentVolumeClaim)],
  ['apps/v1/Deployment', schemaOf(Deployment)],
  ['apps/v1/StatefulSet', schemaOf(StatefulSet)],
  ['batch/v1/Job', schemaOf(Job)],
  ['autoscaling/v2/HorizontalPodAutoscaler', schemaOf(HorizontalPodAutoscaler)],
  ['policy/v1/PodDisruptionBudget', schemaOf(PodDisruptionBudget)],
  ['networking.k8s.io/v1/Ingress', schemaOf(Ingress)],
]);
const KUSTOMIZATION = 'kustomize.config.k8s.io/v1beta1/Kustomization';

const typeOf = (object: KubeObject): string => `${object.apiVersion}/${object.kind}`;
const nameOf = (object: KubeObject): string => object.metadata?.name ?? '';
const where = (manifest: Manifest): string =>
  `k8s/${manifest.file} #${String(manifest.index)} ${manifest.object.kind}/${nameOf(manifest.object)}`;

/** The object types the checks below read, by kind. */
interface Kinds {
  ConfigMap: IConfigMap;
  Deployment: IDeployment;
  HorizontalPodAutoscaler: IHorizontalPodAutoscaler;
  Ingress: IIngress;
  Job: IJob;
  Secret: ISecret;
  Service: IService;
  StatefulSet: IStatefulSet;
}

interface Found<K extends keyof Kinds> {
  manifest: Manifest;
  object: Kinds[K];
}

/** Objects of a kind; each has passed schema validation in its own test. */
function ofKind<K extends keyof Kinds>(kind: K): Array<Found<K>> {
  return manifests
    .filter((manifest) => manifest.object.kind === kind)
    .map((manifest) => ({ manifest, object: manifest.object as unknown as Kinds[K] }));
}

function named<K extends keyof Kinds>(kind: K, name: string): Found<K> {
  const found = ofKind(kind).filter(({ manifest }) => nameOf(manifest.object) === name);
  const [first] = found;
  assert.ok(first && found.length === 1, `expected one ${kind} named ${name} under k8s/`);
  return first;
}

function podSpecOf(workload: IDeployment | IStatefulSet | IJob, label: string): IPodSpec {
  const spec = workload.spec?.template.spec;
  assert.ok(spec, `${label}: no pod spec`);
  return spec;
}

function envValue(container: IContainer, name: string): string | undefined {
  return container.env?.find((variable) => variable.name === name)?.value;
}

/** The container port a probe or Service refers to, by number or by name. */
function containerPort(
  container: IContainer,
  port: number | string | undefined,
): number | undefined {
  if (typeof port === 'number') {
    return container.ports?.some((p) => p.containerPort === port) ? port : undefined;
  }
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

function isSubset(
  subset: Record<string, string> | undefined,
  of: Record<string, string> | undefined,
) {
  return (
    subset !== undefined &&
    Object.keys(subset).length > 0 &&
    Object.entries(subset).every(([key, value]) => of?.[key] === value)
  );
}

/** `apps/<app>/dist/main.js migrate` invocations in a command line, as app names. */
function migratedApps(command: string): string[] {
  return [...command.matchAll(/apps\/([\w.-]+)\/dist\/main\.js\s+migrate\b/g)].map(
    (match) => match[1] ?? '',
  );
}

/** The value that follows the first of `flags` found in an argument list. */
function flagValue(args: readonly string[], ...flags: string[]): string | undefined {
  const index = args.findIndex((arg) => flags.includes(arg));
  return index === -1 ? undefined : args[index + 1];
}

function checkHttpProbe(
  probe: IProbe | undefined,
  path: string,
  container: IContainer,
  httpPort: number,
  label: string,
) {
  assert.ok(probe?.httpGet, `${label}: needs an httpGet probe on ${path}`);
  assert.equal(probe.httpGet.path, path, `${label}: probe path`);
  assert.equal(containerPort(container, probe.httpGet.port), httpPort, `${label}: probe port`);
}

// ---------------------------------------------------------------------------
// docker-compose.yml helpers

interface ComposeService {
  image?: string;
  build?:
    string | { context?: string; dockerfile?: string; args?: Record<string, unknown> | string[] };
  command?: string | string[];
  environment?: Record<string, unknown> | string[];
  healthcheck?: { test?: string | string[] };
  depends_on?: string[] | Record<string, { condition?: string }>;
  ports?: Array<string | number | { target?: number; published?: string | number }>;
  volumes?: Array<string | { target?: string; source?: string }>;
  stop_grace_period?: string;
}

const compose = loadYamlWithMerges(repoPath('docker-compose.yml'));
const services: Record<string, ComposeService> =
  isRecord(compose.value) && isRecord(compose.value.services)
    ? (compose.value.services as Record<string, ComposeService>)
    : {};

/** `environment` or `build.args` as a map, in either of compose's two forms. */
function keyValues(entries: Record<string, unknown> | string[] | undefined): Map<string, string> {
  if (Array.isArray(entries)) {
    return new Map(
      entries.map((entry) => {
        const [key = '', ...value] = entry.split('=');
        return [key, value.join('=')];
      }),
    );
  }
  // A key without a value (`KEY:`) is taken from the host environment.
  const scalar = (value: unknown) =>
    value === null || value === undefined
      ? ''
      : typeof value === 'string'
        ? value
        : JSON.stringify(value);
  return new Map(Object.entries(entries ?? {}).map(([key, value]) => [key, scalar(value)]));
}

const words = (value: string | string[] | undefined): string[] =>
  Array.isArray(value) ? value : (value ?? '').split(/\s+/).filter(Boolean);

/** Services built from the Dockerfile at the repository root: the app image. */
function buildsAppImage(service: ComposeService): boolean {
  if (service.build === undefined) return false;
  const build = typeof service.build === 'string' ? { context: service.build } : service.build;
  return (
    posix.normalize(build.context ?? '.') === '.' &&
    posix.normalize(build.dockerfile ?? 'Dockerfile') === 'Dockerfile'
  );
}

function appOf(service: ComposeService): string | undefined {
  const build = typeof service.build === 'object' ? service.build : undefined;
  return keyValues(build?.args).get('APP') ?? keyValues(service.environment).get('APP');
}

function volumeTargets(service: ComposeService): string[] {
  return (service.volumes ?? []).map((volume) =>
    typeof volume === 'string' ? (volume.split(':')[1] ?? '') : (volume.target ?? ''),
  );
}

function publishedPorts(service: ComposeService): string[] {
  return (service.ports ?? []).map((port) => {
    if (typeof port === 'number') return '';
    if (typeof port === 'object') return String(port.published ?? '');
    const parts = port.split(':');
    return parts.length > 1 ? (parts[parts.length - 2] ?? '') : '';
  });
}

const migrationServices = () =>
  Object.entries(services).filter(
    ([, service]) => migratedApps(words(service.command).join(' ')).length > 0,
  );

function composeMigratedApps(): string[] {
  const [entry] = migrationServices();
  return entry ? migratedApps(words(entry[1].command).join(' ')) : [];
}

// ---------------------------------------------------------------------------
// k8s/

describe('k8s/', () => {
  it('finds the apps and the manifests to check', () => {
    assert.ok(apps.length > 0, 'no app directory under apps/');
    assert.ok(manifestFiles.length > 0, 'no YAML file under k8s/');
  });

  describe('every YAML document is a Kubernetes object that matches its schema', () => {
    for (const { file, problems, manifests: documents } of manifestFiles) {
      it(file, () => {
        assert.deepEqual(problems, [], `k8s/${file} does not parse`);
        assert.ok(documents.length > 0, `k8s/${file} holds no object`);
        for (const manifest of documents) {
          const type = typeOf(manifest.object);
          if (type === KUSTOMIZATION) continue;
          const validate = validators.get(type);
          assert.ok(validate, `${where(manifest)}: no schema known for ${type}`);
          assert.notEqual(nameOf(manifest.object), '', `${where(manifest)}: no metadata.name`);
          try {
            validate(manifest.object);
          } catch (error) {
            assert.fail(
              `${where(manifest)}: ${error instanceof Error ? error.message : String(error)}`,
            );
          }
        }
      });
    }
  });

  it('names each object once per kind', () => {
    const seen = new Set<string>();
    for (const manifest of manifests) {
      const key = `${manifest.object.kind}/${nameOf(manifest.object)}`;
      assert.ok(!seen.has(key), `${where(manifest)}: ${key} is defined twice`);
      seen.add(key);
    }
  });

  it('kustomization.yaml lists files that exist, and every manifest', () => {
    const kustomizations = manifests.filter((m) => typeOf(m.object) === KUSTOMIZATION);
    assert.deepEqual(
      kustomizations.map((m) => m.file),
      ['kustomization.yaml'],
      'expected one Kustomization, in k8s/kustomization.yaml',
    );
    const kustomization = (kustomizations[0] as Manifest).object;
    const resources = kustomization.resources;
    assert.ok(
      Array.isArray(resources) && resources.every((r) => typeof r === 'string'),
      'resources must be a list of paths',
    );
    const listed = resources;
    assert.equal(new Set(listed).size, listed.length, 'a resource is listed twice');
    for (const resource of listed) {
      const path = posix.normalize(resource);
      assert.ok(!path.startsWith('..') && !posix.isAbsolute(path), `${resource}: outside k8s/`);
      assert.ok(existsSync(repoPath('k8s', path)), `${resource}: listed but missing`);
      if (statSync(repoPath('k8s', path)).isDirectory()) {
        assert.ok(
          existsSync(repoPath('k8s', path, 'kustomization.yaml')),
          `${resource}: a directory resource needs its own kustomization.yaml`,
        );
      }
    }
    const covered = (file: string) =>
      listed.some((r) => {
        const path = posix.normalize(r);
        return file === path || file.startsWith(`${path}/`);
      });
    for (const { file } of manifestFiles) {
      if (file === 'kustomization.yaml') continue;
      assert.ok(covered(file), `k8s/${file} is not listed in k8s/kustomization.yaml`);
    }

    // The image override in kustomization.yaml must name the image the workloads use.
    const images = (Array.isArray(kustomization.images) ? kustomization.images : []) as unknown[];
    const overridden = images.flatMap((image) =>
      isRecord(image) && typeof image.name === 'string' ? [image.name] : [],
    );
    for (const { manifest, object } of [...ofKind('Deployment'), ...ofKind('Job')]) {
      for (const container of podSpecOf(object, where(manifest)).containers) {
        const repository = (container.image ?? '').replace(/:[^:/]+$/, '');
        assert.ok(
          overridden.includes(repository),
          `${container.name}: image ${String(container.image)} is not in kustomization.yaml images`,
        );
      }
    }
  });

  const configMap = () => named('ConfigMap', APP_CONFIG).object;

  describe('each app under apps/ has a Deployment, a Service and a HorizontalPodAutoscaler', () => {
    for (const app of apps) {
      describe(app, () => {
        const file = `apps/${app}.yaml`;
        const deployment = () => named('Deployment', app);
        const appContainer = (d: IDeployment) => {
          const container = podSpecOf(d, app).containers.find((c) => envValue(c, 'APP') === app);
          assert.ok(container, `Deployment ${app}: no container with env APP=${app}`);
          return container;
        };
        const httpPortOf = (container: IContainer) => {
          const port = Number(envValue(container, 'HTTP_PORT'));
          assert.ok(Number.isInteger(port), `Deployment ${app}: env HTTP_PORT must be set`);
          assert.ok(
            containerPort(container, port),
            `Deployment ${app}: HTTP_PORT is not a container port`,
          );
          return port;
        };

        it('Deployment: probes, resources, graceful shutdown, non-root', () => {
          const { manifest, object: d } = deployment();
          assert.equal(manifest.file, file, `Deployment ${app} belongs in k8s/${file}`);
          assert.ok(
            isSubset(d.spec?.selector.matchLabels, d.spec?.template.metadata?.labels),
            `Deployment ${app}: selector must match the pod labels`,
          );
          const pod = podSpecOf(d, app);
          const container = appContainer(d);
          const httpPort = httpPortOf(container);
          const label = `Deployment ${app}`;
          checkHttpProbe(
            container.livenessProbe,
            '/health/live',
            container,
            httpPort,
            `${label} liveness`,
          );
          checkHttpProbe(
            container.readinessProbe,
            '/health/ready',
            container,
            httpPort,
            `${label} readiness`,
          );
          assert.ok(container.startupProbe, `${label}: needs a startupProbe`);

          const { requests, limits } = container.resources ?? {};
          for (const resource of ['cpu', 'memory']) {
            assert.ok(
              requests?.[resource] !== undefined,
              `${label}: resources.requests.${resource}`,
            );
            assert.ok(limits?.[resource] !== undefined, `${label}: resources.limits.${resource}`);
          }

          const refs = container.envFrom ?? [];
          assert.ok(
            refs.some((ref) => ref.configMapRef?.name === APP_CONFIG),
            `${label}: envFrom ConfigMap ${APP_CONFIG}`,
          );
          assert.ok(
            refs.some((ref) => ref.secretRef?.name === APP_SECRETS),
            `${label}: envFrom Secret ${APP_SECRETS}`,
          );

          // preStop drain + the app's own shutdown must fit in the grace period.
          const grace = pod.terminationGracePeriodSeconds;
          assert.ok(grace !== undefined, `${label}: terminationGracePeriodSeconds`);
          const preStop = container.lifecycle?.preStop?.exec?.command ?? [];
          assert.equal(preStop[0], 'sleep', `${label}: preStop must sleep so endpoints drain`);
          const drainSeconds = Number(preStop[1]);
          assert.ok(drainSeconds > 0, `${label}: preStop sleep duration`);
          const shutdownMs = Number(
            envValue(container, 'SHUTDOWN_TIMEOUT_MS') ??
              configMap().data?.SHUTDOWN_TIMEOUT_MS ??
              '10000',
          );
          assert.ok(
            drainSeconds + shutdownMs / 1000 < grace,
            `${label}: preStop ${String(drainSeconds)}s + SHUTDOWN_TIMEOUT_MS ${String(shutdownMs)} must end before ${String(grace)}s`,
          );

          // The image's user is the non-numeric "node": runAsNonRoot needs a numeric runAsUser.
          const runAsNonRoot =
            container.securityContext?.runAsNonRoot ?? pod.securityContext?.runAsNonRoot;
          const runAsUser = container.securityContext?.runAsUser ?? pod.securityContext?.runAsUser;
          assert.equal(runAsNonRoot, true, `${label}: runAsNonRoot`);
          assert.ok(
            runAsUser !== undefined && runAsUser > 0,
            `${label}: numeric non-root runAsUser`,
          );
          const security = container.securityContext ?? {};
          assert.equal(security.readOnlyRootFilesystem, true, `${label}: readOnlyRootFilesystem`);
          assert.equal(
            security.allowPrivilegeEscalation,
            false,
            `${label}: allowPrivilegeEscalation`,
          );
        });

        it('Service: selects the pods and targets the HTTP port', () => {
          const { manifest, object: service } = named('Service', app);
          assert.equal(manifest.file, file, `Service ${app} belongs in k8s/${file}`);
          const d = deployment().object;
          assert.ok(
            isSubset(service.spec?.selector, d.spec?.template.metadata?.labels),
            `Service ${app}: selector must match the Deployment's pod labels`,
          );
          const container = appContainer(d);
          const httpPort = httpPortOf(container);
          assert.ok(
            service.spec?.ports?.some(
              (port) => containerPort(container, port.targetPort ?? port.port) === httpPort,
            ),
            `Service ${app}: no port targets ${String(httpPort)}`,
          );
        });

        it('HorizontalPodAutoscaler: CPU 70 %, 2 to 10 replicas', () => {
          const { manifest, object: hpa } = named('HorizontalPodAutoscaler', app);
          assert.equal(
            manifest.file,
            file,
            `HorizontalPodAutoscaler ${app} belongs in k8s/${file}`,
          );
          const spec = hpa.spec;
          assert.ok(spec, `HorizontalPodAutoscaler ${app}: no spec`);
          assert.deepEqual(spec.scaleTargetRef, {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: app,
          });
          assert.equal(spec.minReplicas, 2);
          assert.equal(spec.maxReplicas, 10);
          const cpu = spec.metrics?.find(
            (metric) => metric.type === 'Resource' && metric.resource?.name === 'cpu',
          )?.resource?.target;
          assert.ok(cpu, `HorizontalPodAutoscaler ${app}: needs a CPU resource metric`);
          assert.equal(cpu.type, 'Utilization');
          assert.equal(cpu.averageUtilization, 70);
          assert.equal(
            deployment().object.spec?.replicas,
            undefined,
            `Deployment ${app}: leave replicas to the HPA`,
          );
        });
      });
    }
  });

  it('every Deployment runs an app that exists under apps/', () => {
    for (const { manifest, object } of ofKind('Deployment')) {
      for (const container of podSpecOf(object, where(manifest)).containers) {
        const app = envValue(container, 'APP');
        assert.ok(
          app && apps.includes(app),
          `${where(manifest)}: APP=${String(app)} is not under apps/`,
        );
      }
    }
  });

  it('workloads only reference ConfigMaps, Secrets and keys defined under k8s/', () => {
    const configMaps = new Map(
      ofKind('ConfigMap').map(({ manifest, object }) => [
        nameOf(manifest.object),
        new Set(Object.keys(object.data ?? {})),
      ]),
    );
    const secrets = new Map(
      ofKind('Secret').map(({ manifest, object }) => [
        nameOf(manifest.object),
        new Set([...Object.keys(object.stringData ?? {}), ...Object.keys(object.data ?? {})]),
      ]),
    );
    const workloads = [...ofKind('Deployment'), ...ofKind('StatefulSet'), ...ofKind('Job')];
    for (const { manifest, object } of workloads) {
      const pod = podSpecOf(object, where(manifest));
      for (const container of [...(pod.initContainers ?? []), ...pod.containers]) {
        for (const ref of container.envFrom ?? []) {
          if (ref.configMapRef) {
            assert.ok(
              configMaps.has(ref.configMapRef.name ?? ''),
              `${where(manifest)}: ConfigMap ${String(ref.configMapRef.name)}`,
            );
          }
          if (ref.secretRef) {
            assert.ok(
              secrets.has(ref.secretRef.name ?? ''),
              `${where(manifest)}: Secret ${String(ref.secretRef.name)}`,
            );
          }
        }
        for (const variable of container.env ?? []) {
          const secretRef = variable.valueFrom?.secretKeyRef;
          if (secretRef) {
            assert.ok(
              secrets.get(secretRef.name ?? '')?.has(secretRef.key),
              `${where(manifest)}: Secret ${String(secretRef.name)} has no key ${secretRef.key}`,
            );
          }
          const configRef = variable.valueFrom?.configMapKeyRef;
          if (configRef) {
            assert.ok(
              configMaps.get(configRef.name ?? '')?.has(configRef.key),
              `${where(manifest)}: ConfigMap ${String(configRef.name)} has no key ${configRef.key}`,
            );
          }
        }
      }
    }
  });

  it('the shared ConfigMap and Secret carry the settings the apps read', () => {
    const config = configMap().data ?? {};
    for (const key of [
      'REDIS_URL',
      'NATS_URL',
      'LOG_LEVEL',
      'HELPDESK_TIME_ZONE',
      'SHUTDOWN_TIMEOUT_MS',
    ]) {
      assert.ok(config[key], `ConfigMap ${APP_CONFIG}: ${key}`);
    }
    const secret = named('Secret', APP_SECRETS).object.stringData ?? {};
    for (const key of ['DATABASE_URL', 'HELPDESK_ADMIN_API_KEY', 'HELPDESK_ADMIN_API_SECRET']) {
      assert.ok(secret[key], `Secret ${APP_SECRETS}: ${key}`);
    }
  });

  it('Secrets are templates: every value is a marked placeholder', () => {
    for (const { manifest, object } of ofKind('Secret')) {
      assert.equal(
        object.data,
        undefined,
        `${where(manifest)}: use stringData placeholders, not data`,
      );
      for (const [key, value] of Object.entries(object.stringData ?? {})) {
        assert.ok(
          value.includes(PLACEHOLDER),
          `${where(manifest)}: ${key} must contain ${PLACEHOLDER}`,
        );
      }
    }
  });

  it('the migration Job runs migrate for existing apps, as docker-compose.yml does', () => {
    const jobs = ofKind('Job');
    assert.equal(jobs.length, 1, 'expected one migration Job');
    const { manifest, object: job } = jobs[0] as Found<'Job'>;
    assert.equal(manifest.file, 'migrate-job.yaml');
    const command = podSpecOf(job, where(manifest))
      .containers.flatMap((c) => [...(c.command ?? []), ...(c.args ?? [])])
      .join(' ');
    const migrated = migratedApps(command);
    assert.ok(migrated.length > 0, `${where(manifest)}: runs no migrate command`);
    for (const app of migrated) {
      assert.ok(apps.includes(app), `${where(manifest)}: ${app} is not under apps/`);
    }
    assert.deepEqual(
      migrated,
      composeMigratedApps(),
      'k8s and docker-compose migrate different apps',
    );
  });

  describe('dependencies', () => {
    const statefulSet = (name: string) => {
      const { manifest, object } = named('StatefulSet', name);
      assert.equal(manifest.file, `dependencies/${name}.yaml`);
      const container = podSpecOf(object, name).containers[0];
      assert.ok(container, `StatefulSet ${name}: no container`);
      const args = [...(container.command ?? []), ...(container.args ?? [])];
      const claims = new Set(object.spec?.volumeClaimTemplates?.map((c) => c.metadata?.name));
      const persistent = (path: string | undefined) =>
        container.volumeMounts?.some((m) => m.mountPath === path && claims.has(m.name)) ?? false;
      return { container, args, persistent };
    };

    it('postgres is 15 or later, on a volume', () => {
      const { container, persistent } = statefulSet('postgres');
      const major = Number(/^postgres:(\d+)/.exec(container.image ?? '')?.[1]);
      assert.ok(major >= 15, `postgres image ${String(container.image)}: 15 or later`);
      assert.ok(persistent('/var/lib/postgresql/data'), 'postgres data on a volume claim');
    });

    it('redis never evicts and appends every write to an AOF on a volume', () => {
      const { args, persistent } = statefulSet('redis');
      assert.equal(flagValue(args, '--maxmemory-policy'), 'noeviction');
      assert.equal(flagValue(args, '--appendonly'), 'yes');
      assert.ok(persistent(flagValue(args, '--dir') ?? '/data'), 'redis --dir on a volume claim');
    });

    it('nats runs JetStream with its store on a volume', () => {
      const { args, persistent } = statefulSet('nats');
      assert.ok(args.includes('-js') || args.includes('--jetstream'), 'nats needs -js');
      const store = flagValue(args, '-sd', '--store_dir');
      assert.ok(store, 'nats needs -sd <dir>');
      assert.ok(persistent(store), `nats store ${store} on a volume claim`);
    });
  });

  it('the Ingress routes /api to the gateway and /socket.io to realtime, sticky for Socket.IO', () => {
    const ingresses = ofKind('Ingress');
    const route = (path: string) => {
      for (const { manifest, object } of ingresses) {
        for (const rule of object.spec?.rules ?? []) {
          const found = rule.http?.paths.find((p) => p.path === path);
          if (found) return { manifest, object, backend: found.backend.service };
        }
      }
      return assert.fail(`no Ingress routes ${path}`);
    };
    for (const [path, app] of [
      ['/api', 'gateway'],
      ['/socket.io', 'realtime'],
    ] as const) {
      const { manifest, object, backend } = route(path);
      assert.equal(object.spec?.ingressClassName, 'nginx', `${where(manifest)}: ingressClassName`);
      assert.equal(backend?.name, app, `${path} must go to ${app}`);
      const service = named('Service', app).object;
      assert.ok(
        service.spec?.ports?.some((p) =>
          backend.port?.name !== undefined
            ? p.name === backend.port.name
            : p.port === backend.port?.number,
        ),
        `${path}: Service ${app} has no such port`,
      );
      if (app === 'realtime') {
        assert.equal(
          object.metadata?.annotations?.['nginx.ingress.kubernetes.io/affinity'],
          'cookie',
          `${where(manifest)}: Socket.IO long-polling needs sticky sessions`,
        );
      }
    }
  });
});

// ---------------------------------------------------------------------------
// docker-compose.yml

describe('docker-compose.yml', () => {
  it('parses', () => {
    assert.deepEqual(compose.problems, []);
    assert.ok(Object.keys(services).length > 0, 'no services');
  });

  it('every service built from the app image names an app that exists under apps/', () => {
    const built = Object.entries(services).filter(([, service]) => buildsAppImage(service));
    assert.ok(built.length > 0, 'no service builds the app image');
    for (const [name, service] of built) {
      const app = appOf(service);
      assert.ok(app, `${name}: set APP (build arg or environment)`);
      assert.ok(apps.includes(app), `${name}: APP=${app} is not under apps/`);
    }
  });

  describe('every app under apps/ has a service', () => {
    for (const app of apps) {
      it(app, () => {
        const service = services[app];
        assert.ok(service, `no service named ${app}`);
        assert.ok(buildsAppImage(service), `${app}: build the image from the root Dockerfile`);
        assert.equal(appOf(service), app, `${app}: APP`);
        const port = keyValues(service.environment).get('HTTP_PORT');
        assert.ok(port, `${app}: set HTTP_PORT`);
        assert.match(
          words(service.healthcheck?.test).join(' '),
          new RegExp(`(127\\.0\\.0\\.1|localhost):${port}/health/ready\\b`),
          `${app}: healthcheck on /health/ready`,
        );
        assert.ok(service.stop_grace_period, `${app}: stop_grace_period`);
      });
    }
  });

  it('services wait for healthy dependencies; database users wait for the migrations', () => {
    const migrations = migrationServices().map(([name]) => name);
    assert.equal(migrations.length, 1, 'expected one service running the migrations');
    for (const [name, service] of Object.entries(services)) {
      const dependsOn = service.depends_on ?? {};
      assert.ok(!Array.isArray(dependsOn), `${name}: depends_on needs conditions`);
      for (const [dependency, { condition }] of Object.entries(dependsOn)) {
        const target = services[dependency];
        assert.ok(target, `${name}: depends on unknown service ${dependency}`);
        const expected = migrations.includes(dependency)
          ? 'service_completed_successfully'
          : 'service_healthy';
        assert.equal(condition, expected, `${name} -> ${dependency}`);
        if (expected === 'service_healthy') {
          assert.ok(target.healthcheck?.test, `${dependency}: needs a healthcheck`);
        }
      }
      if (keyValues(service.environment).has('DATABASE_URL') && !migrations.includes(name)) {
        assert.ok(
          migrations.every((migration) => migration in dependsOn),
          `${name} uses Postgres: depend on ${migrations.join(', ')}`,
        );
      }
    }
  });

  it('postgres is 15 or later', () => {
    const major = Number(/^postgres:(\d+)/.exec(services.postgres?.image ?? '')?.[1]);
    assert.ok(major >= 15, `postgres image ${String(services.postgres?.image)}`);
    assert.ok(volumeTargets(services.postgres ?? {}).includes('/var/lib/postgresql/data'));
  });

  it('redis never evicts and appends every write to an AOF on a volume', () => {
    const redis = services.redis;
    assert.ok(redis, 'no redis service');
    const args = words(redis.command);
    assert.equal(flagValue(args, '--maxmemory-policy'), 'noeviction');
    assert.equal(flagValue(args, '--appendonly'), 'yes');
    assert.ok(
      volumeTargets(redis).includes(flagValue(args, '--dir') ?? '/data'),
      'redis data volume',
    );
  });

  it('nats runs JetStream with its store on a volume', () => {
    const nats = services.nats;
    assert.ok(nats, 'no nats service');
    const args = words(nats.command);
    assert.ok(args.includes('-js') || args.includes('--jetstream'), 'nats needs -js');
    const store = flagValue(args, '-sd', '--store_dir');
    assert.ok(
      store && volumeTargets(nats).includes(store),
      `nats store ${String(store)} on a volume`,
    );
  });

  it('publishes the API on 8000 and Socket.IO on 9000', () => {
    assert.ok(publishedPorts(services.gateway ?? {}).includes('8000'), 'gateway: publish 8000');
    assert.ok(publishedPorts(services.realtime ?? {}).includes('9000'), 'realtime: publish 9000');
  });
});

// ---------------------------------------------------------------------------
// Dockerfile

describe('Dockerfile', () => {
  const dockerfile = readRepoFile('Dockerfile');
  const finalStage = dockerfile.split(/^FROM\s/m).at(-1) ?? '';

  it('installs with every workspace manifest in place', () => {
    const rootPackage: unknown = JSON.parse(readRepoFile('package.json'));
    const workspaces = isRecord(rootPackage) ? rootPackage.workspaces : undefined;
    assert.ok(Array.isArray(workspaces) && workspaces.length > 0, 'package.json workspaces');
    for (const workspace of workspaces) {
      assert.ok(
        dockerfile.includes(`${String(workspace)}/package.json`),
        `Dockerfile must copy ${String(workspace)}/package.json before npm ci`,
      );
    }
    assert.match(finalStage, /npm ci --omit=dev/, 'runtime stage: production dependencies only');
  });

  it('runs the app named by APP as the node user', () => {
    assert.match(dockerfile, /^ARG NODE_IMAGE=node:20-bookworm-slim$/m);
    assert.match(finalStage, /^USER node$/m);
    const cmd = /^CMD (.+)$/m.exec(finalStage)?.[1];
    assert.deepEqual(JSON.parse(cmd ?? 'null'), ['sh', '-c', 'exec node apps/$APP/dist/main.js']);
  });

  it('.dockerignore keeps host builds and dependencies out of the context', () => {
    const ignored = readRepoFile('.dockerignore')
      .split('\n')
      .map((line) => line.trim());
    for (const pattern of ['**/node_modules', '**/dist']) {
      assert.ok(ignored.includes(pattern), `.dockerignore: ${pattern}`);
    }
  });
});
