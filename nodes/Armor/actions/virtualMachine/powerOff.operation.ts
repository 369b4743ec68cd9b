import { powerOperation } from './power';

export const powerOff = powerOperation('off', {
	name: 'Power Off',
	description:
		'Turns the power off without shutting the operating system down: unsaved data is lost. Use Shut Down to stop it cleanly.',
	action: 'Power off a virtual machine',
});
