import { apiRequest } from './apiRequest';
import { user } from './user';

/** The Auth Armor node's resources, in the order the Resource list shows them. */
export const authArmorResources = [user, apiRequest];
