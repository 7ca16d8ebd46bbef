export { serviceRequest, type ServiceRequest } from '@helpdesk/shared-messaging';
