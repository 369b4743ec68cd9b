import { powerOperation } from './power';

export const shutDown = powerOperation('shutdown', {
	name: 'Shut Down',
	description:
		'Ask the guest operating system to shut down cleanly (graceful: programs close and save first)',
	action: 'Shut down a virtual machine',
});
