// How the gate words the CPP API's HTTP answers: what happened, why it probably happened, and what
// to change.

import {
  theApiSaid,
  withCorrelation,
  type HttpFailure,
  type HttpWording
} from '../../net/wording.js'

export const cppWording: HttpWording = {
  fatal(failure: HttpFailure): string {
    const { status } = failure
    const said = theApiSaid(failure.detail)
    let message: string
    if (status === 400) {
      message = `The CPP API rejected the request (HTTP 400).${said} Check api-version (2017-10-31 is the documented one) and the ids.`
    } else if (status === 401) {
      message = `The CPP API refused the token (HTTP 401): it is missing, expired, or not issued for https://cloudpartner.azure.com.${said}`
    } else if (status === 403) {
      message = `The CPP API denied access (HTTP 403).${said} The service principal is probably not added to the publisher account, or was added with the app registration's object id instead of the enterprise application's (service principal's) object id; also check publisher-id.`
    } else if (status === 404) {
      message = `The CPP API found nothing at this address (HTTP 404).${said} Check publisher-id, offer-id and operation-id.`
    } else if (status >= 300 && status < 400) {
      message = `The CPP API answered with a redirect (HTTP ${status}${failure.location ? ` to ${failure.location}` : ''}), which the gate does not follow so that the token stays on base-url. Check base-url.`
    } else {
      message = `The CPP API answered HTTP ${status}.${said}`
    }
    return withCorrelation(message, failure.correlationId)
  }
}

/** Said after a 401 when even a token the gate just got from Azure AD was refused. */
export const CPP_FRESH_TOKEN_REFUSED =
  'A freshly issued token was refused too: check that the service principal is added to the publisher account in Partner Center, with the object id of its enterprise application.'
