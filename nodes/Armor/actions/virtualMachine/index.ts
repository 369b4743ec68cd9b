import { defineResource } from '../../../shared/operation';
import { deleteVm } from './delete.operation';
import { forceOff } from './forceOff.operation';
import { get } from './get.operation';
import { getByCoreInstance } from './getByCoreInstance.operation';
import { getMany } from './getMany.operation';
import { getStatistics } from './getStatistics.operation';
import { powerOff } from './powerOff.operation';
import { powerOn } from './powerOn.operation';
import { reboot } from './reboot.operation';
import { rename } from './rename.operation';
import { reset } from './reset.operation';
import { shutDown } from './shutDown.operation';

export const virtualMachine = defineResource({
	value: 'virtualMachine',
	name: 'Virtual Machine',
	operations: {
		get,
		getMany,
		getByCoreInstance,
		getStatistics,
		rename,
		powerOn,
		shutDown,
		reboot,
		powerOff,
		forceOff,
		reset,
		delete: deleteVm,
	},
	default: 'getMany',
});
