import { powerOperation } from './power';

export const forceOff = powerOperation('forceOff', {
	name: 'Force Off',
	description:
		'Cuts the power immediately, like pulling the plug: unsaved data is lost. For a machine that ignores Shut Down and Power Off.',
	action: 'Force off a virtual machine',
});
