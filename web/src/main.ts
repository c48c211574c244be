import './components/kotsu-app';
