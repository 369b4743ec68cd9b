import { apiRequest } from './apiRequest';
import { authentication } from './authentication';
import { registration } from './registration';
import { user } from './user';

/** The Auth Armor node's resources, in the order the Resource list shows them. */
export const authArmorResources = [authentication, user, registration, apiRequest];
