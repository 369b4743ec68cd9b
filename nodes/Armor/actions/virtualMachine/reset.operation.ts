import { powerOperation } from './power';

export const reset = powerOperation('reset', {
	name: 'Reset',
	description:
		'Cuts the power and starts the machine again at once, like pressing its reset button: unsaved data is lost. Use Reboot to restart it cleanly.',
	action: 'Reset a virtual machine',
});
