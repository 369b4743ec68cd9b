import { powerOperation } from './power';

export const reboot = powerOperation('reboot', {
	name: 'Reboot',
	description: 'Ask the guest operating system to restart cleanly (graceful)',
	action: 'Reboot a virtual machine',
});
