import { account } from './account';
import { apiRequest } from './apiRequest';
import { identity } from './identity';

/** The Armor node's resources, in the order the Resource list shows them. */
export const armorResources = [identity, account, apiRequest];
