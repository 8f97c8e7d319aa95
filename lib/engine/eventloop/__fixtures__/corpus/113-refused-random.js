// expect-refusal: Math\.random\(\) is not supported
const delays = [1, 2, 3].map(() => Math.floor(Math.random() * 10));
delays.forEach((d, i) => setTimeout(() => console.log('job', i), d));
