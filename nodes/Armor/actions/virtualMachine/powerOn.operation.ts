import { powerOperation } from './power';

export const powerOn = powerOperation('on', {
	name: 'Power On',
	description: 'Start a powered-off virtual machine',
	action: 'Power on a virtual machine',
});
