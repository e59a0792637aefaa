// `npm run simulator -- --port 8080 --speed 60 --scenario publish-success`: the simulator (the CPP
// API, and the Product Ingestion API under /rp/product-ingestion) on its own, logging one line per
// request, until Ctrl-C.

import { parseArgs } from 'node:util'
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_OIDC_REQUEST_TOKEN,
  DEFAULT_SUBJECT,
  DEFAULT_TENANT
} from './azure-ad.ts'
import { DEFAULT_GRAPH_TOKEN, PI_PREFIX, PI_VERSION } from './product-ingestion.ts'
import { isPiScenario, piScenario, PI_SCENARIOS } from './product-ingestion-scenarios.ts'
import { isScenario, SCENARIOS } from './scenarios.ts'
import { DEFAULT_PUBLISHER, DEFAULT_TOKEN, startSimulator } from './server.ts'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8080' },
    host: { type: 'string', default: '127.0.0.1' },
    speed: { type: 'string', default: '60' },
    scenario: { type: 'string', default: 'publish-success' },
    'pi-scenario': { type: 'string', default: 'preview-success' },
    'graph-token': { type: 'string', default: DEFAULT_GRAPH_TOKEN },
    token: { type: 'string', default: DEFAULT_TOKEN },
    publisher: { type: 'string', default: DEFAULT_PUBLISHER },
    'fault-rate': { type: 'string', default: '0.3' },
    'token-lifetime': { type: 'string', default: '3600' },
    help: { type: 'boolean', default: false }
  }
})

if (values.help) {
  console.log(`Usage: npm run simulator -- [--port 8080] [--speed 60] [--scenario NAME] [--token T]
       [--publisher P] [--fault-rate 0.3] [--token-lifetime 3600] [--pi-scenario NAME]
       [--graph-token T]
Scenarios: ${SCENARIOS.join(', ')}. An offer whose id is a scenario name always gets that scenario.
Product Ingestion scenarios (--pi-scenario NAME; an offer id that is one of them always gets it):
${PI_SCENARIOS.map((name) => `  ${name}: ${piScenario(name).story}`).join('\n')}
--speed: simulated seconds per real second (a publish reaches sign-off after about 3.7 simulated hours).
--token-lifetime: seconds an Azure AD token issued by POST /{tenant}/oauth2/v2.0/token lives.`)
  process.exit(0)
}
const port = Number(values.port)
const speed = Number(values.speed)
const faultRate = Number(values['fault-rate'])
const tokenLifetimeSec = Number(values['token-lifetime'])
const problems = [
  Number.isInteger(port) && port >= 0 && port < 65536
    ? ''
    : `--port must be a port number, not "${values.port}"`,
  speed > 0 ? '' : `--speed must be a positive number, not "${values.speed}"`,
  faultRate >= 0 && faultRate <= 1
    ? ''
    : `--fault-rate must be between 0 and 1, not "${values['fault-rate']}"`,
  tokenLifetimeSec > 0
    ? ''
    : `--token-lifetime must be a positive number of seconds, not "${values['token-lifetime']}"`,
  isScenario(values.scenario)
    ? ''
    : `--scenario must be one of ${SCENARIOS.join(', ')}, not "${values.scenario}"`,
  isPiScenario(values['pi-scenario'])
    ? ''
    : `--pi-scenario must be one of ${PI_SCENARIOS.join(', ')}, not "${values['pi-scenario']}"`
].filter(Boolean)
if (problems.length > 0 || !isScenario(values.scenario) || !isPiScenario(values['pi-scenario'])) {
  console.error(problems.join('\n'))
  process.exit(2)
}

const simulator = await startSimulator({
  port,
  host: values.host,
  speed,
  scenario: values.scenario,
  tokens: { [values.token]: [values.publisher] },
  graphTokens: { [values['graph-token']]: 'member' },
  piScenario: values['pi-scenario'],
  faultRate,
  tokenLifetimeSec,
  clients: {
    [DEFAULT_CLIENT_ID]: {
      secret: DEFAULT_CLIENT_SECRET,
      subject: DEFAULT_SUBJECT,
      publishers: [values.publisher]
    }
  },
  log: (line) => console.log(`${new Date().toISOString()} ${line}`)
})
const url = simulator.url
console.log(`CPP simulator on ${url}: scenario ${values.scenario}, speed ${speed}x.
  Static token:  "${values.token}" for publisher "${values.publisher}".
  Azure AD:      authority-host ${url}, tenant-id ${DEFAULT_TENANT}, client-id ${DEFAULT_CLIENT_ID},
                 client-secret "${DEFAULT_CLIENT_SECRET}"; tokens live ${tokenLifetimeSec} s.
  GitHub OIDC:   ACTIONS_ID_TOKEN_REQUEST_URL=${url}/oidc/token?api-version=2.0
                 ACTIONS_ID_TOKEN_REQUEST_TOKEN=${DEFAULT_OIDC_REQUEST_TOKEN} (subject ${DEFAULT_SUBJECT})
Publish: curl -si -X POST -H "Authorization: Bearer ${values.token}" "${url}/api/publishers/${values.publisher}/offers/${values.scenario}/publish?api-version=2017-10-31"
Product Ingestion on ${url}${PI_PREFIX} (scenario ${values['pi-scenario']}): static token "${values['graph-token']}",
  or Azure AD tokens for scope https://graph.microsoft.com/.default (a CPP token gets 401).
  curl -s -H "Authorization: Bearer ${values['graph-token']}" '${url}${PI_PREFIX}/product?externalId=${values['pi-scenario']}&$version=${PI_VERSION}'`)
const stop = (): void => {
  void simulator.close().then(() => process.exit(0))
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
