"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.globalConditionKeys = void 0;
// a comment the reader must skip
exports.globalConditionKeys = [
    {
        key: 'aws:SourceIp',
        category: 'network',
        type: 'IPAddress',
        description: ''
    },
    {
        key: 'aws:PrincipalTag/tag-key',
        category: "principal",
        type: 'String',
        description: ''
    },
    { key: 'aws:TagKeys', category: 'request', type: 'ArrayOfString', description: '', },
    {
        key: 'aws:NotDescribedByUs',
        category: 'request',
        type: 'Bool',
        description: 'It\'s from the package'
    },
];
const globalConditionKeysByName = exports.globalConditionKeys.reduce((acc, key) => acc, {});
