import { prismGlobalSetup } from '@azlro/prism';

export default prismGlobalSetup('cloudpartner');
